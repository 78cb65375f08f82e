"""Partner API tokens: shown once, stored hashed, revoked at once."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from django.utils import timezone

from campaigns.models import PartnerToken
from campaigns.partners.tokens import token_create, token_revoke
from tests.partners.osdi import osdi_url

URL = osdi_url("people")


def test_only_a_prefix_and_the_digest_of_a_token_are_stored(partner):
    token, plaintext = token_create(partner=partner, label="CRM")

    stored = PartnerToken.objects.get(pk=token.pk)
    assert stored.digest == hashlib.sha256(plaintext.encode()).hexdigest()
    assert plaintext.startswith(stored.prefix)
    assert plaintext not in {stored.prefix, stored.label, stored.digest}


def test_a_revoked_token_is_refused_at_once(partner, api_client, bearer):
    plaintext = bearer(partner)
    assert api_client.get(URL).status_code == 200

    token_revoke(
        PartnerToken.objects.get(digest=hashlib.sha256(plaintext.encode()).hexdigest())
    )
    response = api_client.get(URL)

    assert response.status_code == 401
    assert response.json() == {"error": "Invalid or revoked token."}


def test_no_token_a_wrong_token_or_another_scheme_gets_401(partner, api_client):
    missing = api_client.get(URL)
    assert missing.status_code == 401
    assert "error" in missing.json()
    assert api_client.get(URL, headers={"OSDI-API-Token": "us_nope"}).status_code == 401
    api_client.credentials(HTTP_AUTHORIZATION="Bearer us_not-a-real-token")
    assert api_client.get(URL).status_code == 401
    api_client.credentials(HTTP_AUTHORIZATION="Bearer")
    assert api_client.get(URL).status_code == 401
    api_client.credentials(HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
    response = api_client.get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_last_used_is_written_at_most_once_a_minute(partner, api_client, bearer):
    bearer(partner)
    token = PartnerToken.objects.get()

    api_client.get(URL)
    first = PartnerToken.objects.get().last_used_at
    api_client.get(URL)
    assert PartnerToken.objects.get().last_used_at == first

    PartnerToken.objects.filter(pk=token.pk).update(
        last_used_at=timezone.now() - timedelta(minutes=2)
    )
    api_client.get(URL)
    assert PartnerToken.objects.get().last_used_at > first


def test_a_partner_user_creates_a_token_shown_once_and_revokes_it(
    partner, partner_client, api_client
):
    url = f"/admin/undersign/partner/{partner.pk}/tokens/"

    created = partner_client.post(url, {"label": "Our CRM"})
    plaintext = created.context["plaintext"]
    assert plaintext in created.content.decode()
    assert plaintext not in partner_client.get(url).content.decode()

    api_client.credentials(HTTP_OSDI_API_TOKEN=plaintext)
    assert api_client.get(URL).status_code == 200
    token = PartnerToken.objects.get(partner=partner)
    partner_client.post(f"{url}{token.pk}/revoke/")
    assert api_client.get(URL).status_code == 401
