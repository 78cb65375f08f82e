"""What the fuzzer found, kept as plain regression tests."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.pages.conftest import serve_as_home
from tests.partners import conftest as partners

bearer = partners.bearer


# Malformed pages and filters, and NUL bytes, which PostgreSQL refuses outright.
@pytest.mark.parametrize(
    ("name", "query", "status"),
    [
        ("people", {"page": "\x19\xe1"}, 400),
        ("people", {"per_page": "-1"}, 400),
        ("people", {"filter": "modified_date gt '2026-13-01'"}, 400),
        ("people", {"filter": "modified_date gt '\x00'"}, 400),
        ("petitions", {"page": "99999999999999999999"}, 200),
    ],
)
def test_malformed_partner_queries_are_a_400_never_a_500(
    api_client, partner, bearer, name, query, status
):
    bearer(partner)

    response = api_client.get(reverse(f"undersign_api:osdi-{name}"), query)

    assert response.status_code == status
    assert response.status_code == 200 or set(response.json()) == {"error"}


@pytest.mark.parametrize("value", ["\x00", "x\x00y", "0" * 40])
def test_a_malformed_person_id_is_a_404(api_client, partner, bearer, value):
    bearer(partner)

    response = api_client.get(reverse("undersign_api:osdi-person", args=[value]))

    assert response.status_code == 404


def test_the_schema_documents_the_signers_email_as_an_email(api_client, db):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()

    email = schema["components"]["schemas"]["SignatureIn"]["properties"]["email"]
    assert {"type": "string", "format": "email"} in email.get("oneOf", [email])


# PostgreSQL refuses a NUL byte in a query: these were 500s there, not on SQLite.
NUL_READS = [
    "/api/v1/campaigns/{slug}/?partner=%00x",
    "/api/v1/campaigns/{slug}/embed/?partner=x%00",
    "/embed/{slug}/?partner=%00",
    "/en/?partner=%00",
]


@pytest.mark.parametrize("url", NUL_READS)
def test_a_nul_byte_in_a_partner_key_is_no_partner(client, page, url):
    serve_as_home(page)

    response = client.get(url.format(slug=page.slug))

    assert response.status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/v1/campaigns/a%00b/", "/api/v1/campaigns/%00/stats/"]
)
def test_a_nul_byte_in_a_campaign_key_is_a_404(api_client, page, url):
    assert api_client.get(url).status_code == 404


def test_the_schema_forbids_the_empty_consent_key_the_api_refuses(api_client, page):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()
    consents = schema["components"]["schemas"]["SignatureIn"]["properties"]["consents"]

    response = api_client.post(
        f"/api/v1/campaigns/{page.slug}/signatures/",
        {"email": "ana@example.org", "first_name": "Ana", "consents": [""]},
        format="json",
    )

    assert consents["items"].get("minLength") == 1
    assert response.status_code == 400
    assert "consents.0" in response.json()["errors"]
