"""GET /api/v1/partner/signatures/: only the calling partner's consenting signers."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from campaigns.models import Signature
from campaigns.services import campaign_identity
from tests.factories import campaign_page, link_partner
from tests.partners.signers import sign_through

URL = "/api/v1/partner/signatures/"


def _emails(response) -> list[str]:
    return [
        record["person"]["email_addresses"][0]["address"]
        for record in response.json()["results"]
    ]


def test_a_partner_gets_its_consenting_signers_in_osdi_shape(
    page, partner, api_client, bearer
):
    signature = sign_through(page, partner, "ana@example.org", postal_code="11211")
    bearer(partner)

    response = api_client.get(URL)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    [record] = response.json()["results"]
    assert record["identifier"] == f"undersign:{signature.pk}"
    assert record["person"] == {
        "given_name": "Ana",
        "family_name": "Díaz",
        "email_addresses": [{"address": "ana@example.org", "primary": True}],
        "postal_addresses": [{"postal_code": "11211", "country": ""}],
    }
    assert record["petition"]["key"] == campaign_identity(page).public_key
    assert record["petition"]["title"] == "Stop the detentions"
    assert record["consent"]["text"] == "Allow Make the Road to contact me"
    assert record["confirmed_date"] is not None
    assert record["language"] == "en"


def test_signers_who_did_not_tick_the_partner_box_are_not_returned(
    page, partner, api_client, bearer
):
    sign_through(page, partner, "yes@example.org")
    sign_through(page, partner, "no@example.org", consent=False)
    bearer(partner)

    assert _emails(api_client.get(URL)) == ["yes@example.org"]


def test_partner_a_never_sees_partner_b_signers(
    page, partner, other_partner, api_client, bearer
):
    sign_through(page, partner, "for-a@example.org")
    sign_through(page, other_partner, "for-b@example.org")

    bearer(partner)
    assert _emails(api_client.get(URL)) == ["for-a@example.org"]
    bearer(other_partner)
    assert _emails(api_client.get(URL)) == ["for-b@example.org"]


def test_withdrawn_expired_invalidated_and_test_signers_are_left_out(
    page, partner, api_client, bearer
):
    for name in ("kept", "withdrawn", "expired", "invalid", "test"):
        sign_through(page, partner, f"{name}@example.org")
    signatures = {s.identity.email.split("@")[0]: s for s in Signature.objects.all()}
    Signature.objects.filter(pk=signatures["withdrawn"].pk).update(
        status=Signature.Status.WITHDRAWN, withdrawn_at=timezone.now()
    )
    Signature.objects.filter(pk=signatures["expired"].pk).update(
        status=Signature.Status.EXPIRED
    )
    Signature.objects.filter(pk=signatures["invalid"].pk).update(
        moderation=Signature.Moderation.INVALIDATED
    )
    Signature.objects.filter(pk=signatures["test"].pk).update(is_test=True)
    bearer(partner)

    assert _emails(api_client.get(URL)) == ["kept@example.org"]


def test_a_pending_double_opt_in_signer_is_listed_without_a_confirmed_date(
    partner, api_client, bearer
):
    page = campaign_page(slug="pending-one", double_opt_in=True)
    link_partner(page, partner)
    sign_through(page, partner, "ana@example.org")
    bearer(partner)

    [record] = api_client.get(URL).json()["results"]
    assert record["confirmed_date"] is None


def test_results_are_cursor_paginated_newest_first(page, partner, api_client, bearer):
    for n in range(5):
        sign_through(page, partner, f"s{n}@example.org")
    bearer(partner)

    first = api_client.get(URL, {"page_size": 2}).json()
    second = api_client.get(first["next"]).json()
    third = api_client.get(second["next"]).json()

    emails = [
        r["person"]["email_addresses"][0]["address"]
        for page_ in (first, second, third)
        for r in page_["results"]
    ]
    assert emails == [f"s{n}@example.org" for n in (4, 3, 2, 1, 0)]
    assert third["next"] is None


def test_the_campaign_filter_keeps_one_campaign(page, partner, api_client, bearer):
    other = campaign_page(slug="another-campaign", title="Another")
    link_partner(other, partner)
    sign_through(page, partner, "first@example.org")
    sign_through(other, partner, "second@example.org")
    bearer(partner)

    response = api_client.get(URL, {"campaign": campaign_identity(other).public_key})

    assert _emails(response) == ["second@example.org"]


def test_the_since_filter_keeps_later_signatures(page, partner, api_client, bearer):
    sign_through(page, partner, "old@example.org")
    Signature.objects.update(created_at=timezone.now() - timedelta(days=3))
    sign_through(page, partner, "new@example.org")
    bearer(partner)

    since = (timezone.now() - timedelta(days=1)).isoformat()
    response = api_client.get(URL, {"since": since})

    assert _emails(response) == ["new@example.org"]


def test_bad_filter_values_are_a_400_naming_the_field(partner, api_client, bearer):
    bearer(partner)

    bad_since = api_client.get(URL, {"since": "yesterday"})
    bad_campaign = api_client.get(URL, {"campaign": "no-such-campaign"})

    assert bad_since.status_code == 400
    assert "since" in bad_since.json()["errors"]
    assert bad_campaign.status_code == 400
    assert "campaign" in bad_campaign.json()["errors"]


def test_the_partner_endpoint_is_not_opened_to_browsers_by_cors(
    page, partner, api_client, bearer
):
    bearer(partner)

    response = api_client.get(URL, headers={"Origin": "https://partner.example"})
    public = api_client.get(
        "/api/v1/campaigns/", headers={"Origin": "https://x.example"}
    )

    assert "Access-Control-Allow-Origin" not in response
    assert public["Access-Control-Allow-Origin"] in ("*", "https://x.example")


def test_the_schema_documents_the_endpoint_and_its_bearer_scheme(api_client, db):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()

    operation = schema["paths"][URL]["get"]
    assert {"200", "400", "401"} <= set(operation["responses"])
    assert operation["security"] == [{"partnerToken": []}]
    assert schema["components"]["securitySchemes"]["partnerToken"]["scheme"] == "bearer"
