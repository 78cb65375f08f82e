"""From a partner's admin page: API tokens shown once and stored hashed; test mode."""

from __future__ import annotations

import hashlib
import json
import re

from campaigns.models import PartnerToken, Signature
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from tests.editor.test_partner_viewset import edit_url, partner_form


def test_a_token_is_shown_once_and_only_its_digest_is_stored(admin_client, partner):
    tokens_url = f"/admin/undersign/partner/{partner.pk}/tokens/"
    assert tokens_url in admin_client.get(edit_url(partner)).content.decode()

    created = admin_client.post(tokens_url, {"label": "CRM sync"}).content.decode()
    plaintext = re.search(r"<code data-undersign-token>([^<]+)</code>", created)[1]
    again = admin_client.get(tokens_url).content.decode()

    token = PartnerToken.objects.get(partner=partner)
    assert token.digest == hashlib.sha256(plaintext.encode()).hexdigest()
    assert plaintext not in again
    assert token.prefix in again and token.prefix == plaintext[: len(token.prefix)]
    stored = [
        str(value) for value in PartnerToken.objects.values_list().get(pk=token.pk)
    ]
    assert not any(plaintext in value for value in stored)


def test_signatures_through_a_partner_switched_to_test_mode_are_not_counted(
    admin_client, api_client, partner, page
):
    switched = admin_client.post(
        edit_url(partner),
        partner_form(
            name=partner.name,
            slug=partner.slug,
            allowed_origins="https://partner.example",
            is_test_mode="on",
        ),
    )
    response = api_client.post(
        f"/api/v1/campaigns/{page.slug}/signatures/",
        data=json.dumps(
            {
                "email": "tester@partner.example",
                "first_name": "Test",
                "last_name": "Run",
                "partner": partner.slug,
            }
        ),
        content_type="application/json",
    )

    assert switched.status_code == 302
    assert response.status_code in (200, 201, 202)
    signature = Signature.objects.get()
    assert signature.is_test and signature.partner == partner
    assert signature_count(campaign_identity(page)) == 0


def test_signatures_through_a_partner_in_live_mode_are_counted(
    api_client, partner, page
):
    api_client.post(
        f"/api/v1/campaigns/{page.slug}/signatures/",
        data=json.dumps(
            {
                "email": "ana@example.org",
                "first_name": "Ana",
                "last_name": "Ruiz",
                "partner": partner.slug,
            }
        ),
        content_type="application/json",
    )

    assert not Signature.objects.get().is_test
    assert signature_count(campaign_identity(page)) == 1
