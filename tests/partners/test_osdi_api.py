"""The partner API speaks OSDI 1.x as Action Network serves it, for one partner's
consenting signers only."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from campaigns.models import CampaignQuestion, Signature
from campaigns.services import campaign_identity
from tests.factories import campaign_page, link_partner
from tests.partners.osdi import emails, embedded, osdi_url
from tests.partners.signers import sign_through


def _key(page) -> str:
    return campaign_identity(page).public_key


def test_the_entry_point_links_petitions_and_people_as_hal(partner, api_client, bearer):
    bearer(partner)

    response = api_client.get(osdi_url("entry"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/hal+json"
    assert "no-store" in response["Cache-Control"]
    links = response.json()["_links"]
    assert links["osdi:petitions"]["href"].endswith(osdi_url("petitions"))
    assert links["osdi:people"]["href"].endswith(osdi_url("people"))


def test_a_signature_carries_osdi_fields_its_person_and_the_consent_text(
    page, partner, api_client, bearer
):
    CampaignQuestion.objects.create(
        page=page, key="borough", label="Borough", kind="text"
    )
    CampaignQuestion.objects.create(
        page=page, key="volunteer", label="Volunteer?", kind="checkbox"
    )
    page.comment_rule = "optional"
    page.postal_code_rule = "optional"
    page.save_revision().publish()
    signature = sign_through(
        page,
        partner,
        "ana@example.org",
        postal_code="11211",
        comment="Free them all",
        answers={"borough": "Brooklyn", "volunteer": True},
        source={"utm_source": "newsletter", "referrer": "https://mtr.example/x"},
    )
    bearer(partner)

    [record] = embedded(
        api_client.get(osdi_url("signatures", _key(page))), "signatures"
    )

    [own_id] = record["identifiers"]
    assert own_id.startswith("undersign:")
    assert str(signature.pk) not in own_id.split(":")[1].split("-")
    assert record["origin_system"] == "Undersign"
    assert record["comments"] == "Free them all"
    assert record["referrer_data"] == {
        "source": "newsletter",
        "referrer": "make-the-road",
        "url": "https://mtr.example",
        "website": "mtr.example",
    }
    assert record["undersign:consent"]["text"] == "Allow Make the Road to contact me"
    assert len(record["undersign:consent"]["version"]) == 64
    person = record["_embedded"]["osdi:person"]
    assert person["given_name"] == "Ana"
    assert person["email_addresses"] == [
        {"primary": True, "address": "ana@example.org", "status": "subscribed"}
    ]
    assert person["postal_addresses"] == [{"primary": True, "postal_code": "11211"}]
    assert person["custom_fields"] == {"borough": "Brooklyn", "volunteer": "true"}
    assert person["preferred_language"] == "en"
    # Every link a record gives leads to the same record.
    assert api_client.get(record["_links"]["self"]["href"]).json() == record
    assert api_client.get(record["_links"]["osdi:person"]["href"]).json() == person


def test_a_partner_never_sees_another_partners_or_non_consenting_signers(
    page, partner, other_partner, api_client, bearer
):
    sign_through(page, partner, "for-a@example.org")
    sign_through(page, other_partner, "for-b@example.org")
    sign_through(page, partner, "no@example.org", consent=False)

    bearer(partner)
    a_people = embedded(api_client.get(osdi_url("people")), "people")
    bearer(other_partner)
    b_people = embedded(api_client.get(osdi_url("people")), "people")

    assert emails(a_people) == ["for-a@example.org"]
    assert emails(b_people) == ["for-b@example.org"]
    # B cannot read A's person by its id either: it is nobody to B.
    a_person = a_people[0]["_links"]["self"]["href"]
    assert api_client.get(a_person).status_code == 404
    assert api_client.get(a_person).json() == {
        "error": "You have no record with this id."
    }


def test_a_campaign_the_partner_is_not_on_is_not_its_petition(
    page, partner, other_partner, api_client, bearer
):
    elsewhere = campaign_page(slug="elsewhere", title="Elsewhere")
    link_partner(elsewhere, other_partner)
    bearer(partner)

    petitions = embedded(api_client.get(osdi_url("petitions")), "petitions")

    assert [p["identifiers"] for p in petitions] == [[f"undersign:{_key(page)}"]]
    assert petitions[0]["title"] == "Stop the detentions"
    assert petitions[0]["target"] == [{"name": "Mayor of New York"}]
    assert api_client.get(osdi_url("signatures", _key(elsewhere))).status_code == 404


def test_only_confirmed_live_signatures_are_listed(partner, api_client, bearer):
    page = campaign_page(slug="double", double_opt_in=True)
    link_partner(page, partner)
    for name in ("kept", "pending", "withdrawn", "invalid", "test"):
        sign_through(page, partner, f"{name}@example.org")
    rows = {s.identity.email.split("@")[0]: s.pk for s in Signature.objects.all()}
    Signature.objects.exclude(pk=rows["pending"]).update(
        status=Signature.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    Signature.objects.filter(pk=rows["withdrawn"]).update(
        status=Signature.Status.WITHDRAWN, withdrawn_at=timezone.now()
    )
    Signature.objects.filter(pk=rows["invalid"]).update(
        moderation=Signature.Moderation.INVALIDATED
    )
    Signature.objects.filter(pk=rows["test"]).update(is_test=True)
    bearer(partner)

    assert emails(embedded(api_client.get(osdi_url("people")), "people")) == [
        "kept@example.org"
    ]


def test_pages_follow_osdi_and_a_page_past_the_end_is_empty(
    page, partner, api_client, bearer
):
    for n in range(5):
        sign_through(page, partner, f"s{n}@example.org")
    bearer(partner)
    url = osdi_url("signatures", _key(page))

    first = api_client.get(url, {"per_page": 2}).json()
    second = api_client.get(first["_links"]["next"]["href"]).json()
    third = api_client.get(second["_links"]["next"]["href"]).json()
    past = api_client.get(url, {"per_page": 2, "page": 4})

    assert (first["page"], first["per_page"]) == (1, 2)
    assert (first["total_records"], first["total_pages"]) == (5, 3)
    assert "next" not in third["_links"]
    assert [
        r["_embedded"]["osdi:person"]["email_addresses"][0]["address"]
        for body in (first, second, third)
        for r in body["_embedded"]["osdi:signatures"]
    ] == [f"s{n}@example.org" for n in range(5)]
    assert embedded(past, "signatures") == []


def test_bad_paging_or_filter_is_a_400_saying_what_is_understood(
    partner, api_client, bearer
):
    bearer(partner)

    for query in (
        {"page": "0"},
        {"per_page": "x"},
        {"filter": "email eq 'ana@example.org'"},
        {"filter": "modified_date gt 'yesterday'"},
    ):
        response = api_client.get(osdi_url("people"), query)
        assert response.status_code == 400, query
        assert set(response.json()) == {"error"}


def test_the_modified_date_filter_syncs_incrementally(
    page, partner, api_client, bearer
):
    sign_through(page, partner, "old@example.org")
    Signature.objects.update(confirmed_at=timezone.now() - timedelta(days=3))
    sign_through(page, partner, "new@example.org")
    bearer(partner)
    since = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%d")

    response = api_client.get(
        osdi_url("people"), {"filter": f"modified_date gt '{since}'"}
    )

    assert emails(embedded(response, "people")) == ["new@example.org"]


def test_a_bearer_token_works_and_no_token_is_a_401(partner, api_client):
    from campaigns.partners.tokens import token_create

    assert api_client.get(osdi_url("people")).status_code == 401
    _token, plaintext = token_create(partner=partner)
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {plaintext}")
    assert api_client.get(osdi_url("people")).status_code == 200


def test_the_partner_api_is_not_opened_to_browsers_by_cors(partner, api_client, bearer):
    bearer(partner)

    response = api_client.get(
        osdi_url("people"), headers={"Origin": "https://partner.example"}
    )

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_the_schema_documents_the_osdi_token_header(api_client, db):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()

    operation = schema["paths"][osdi_url("people")]["get"]
    assert {"200", "400", "401"} <= set(operation["responses"])
    assert operation["security"] == [{"osdiApiToken": []}]
    scheme = schema["components"]["securitySchemes"]["osdiApiToken"]
    assert (scheme["in"], scheme["name"]) == ("header", "OSDI-API-Token")
