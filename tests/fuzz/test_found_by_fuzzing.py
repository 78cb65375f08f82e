"""What the fuzzer found, kept as plain regression tests."""

from __future__ import annotations

import pytest

from tests.pages.conftest import serve_as_home
from tests.partners import conftest as partners

bearer = partners.bearer


# Undecodable; decodable with a position that is no time; a month 13.
@pytest.mark.parametrize(
    "cursor", ["\x19\xe1", "not-base64!", "cD0yMDI2", "cD0yMDI2LTEzLTAxIDAwOjAw"]
)
def test_a_malformed_partner_cursor_is_a_400_naming_the_cursor(
    api_client, partner, bearer, cursor
):
    bearer(partner)

    response = api_client.get("/api/v1/partner/signatures/", {"cursor": cursor})

    assert response.status_code == 400
    assert response.json()["errors"]["cursor"] == ["Invalid cursor."]


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
