"""CORS: reads from anywhere; signing only from the campaign's partners or itself."""

from __future__ import annotations

from tests.api.conftest import preflight, sign_url

PARTNER = "https://partner.example"
FOREIGN = "https://elsewhere.example"


def test_reads_are_allowed_from_any_origin(api_client, page):
    response = api_client.get(
        f"/api/v1/campaigns/{page.slug}/", headers={"Origin": FOREIGN}
    )

    assert response["Access-Control-Allow-Origin"] == FOREIGN


def test_read_preflight_is_allowed_from_any_origin(api_client, page):
    response = preflight(api_client, "/api/v1/campaigns/", FOREIGN, method="GET")

    assert response["Access-Control-Allow-Origin"] == FOREIGN


def test_sign_preflight_from_a_partner_origin_is_allowed(api_client, page, partner):
    response = preflight(api_client, sign_url(page.slug), PARTNER)

    assert response["Access-Control-Allow-Origin"] == PARTNER
    allowed = response["Access-Control-Allow-Headers"].split(", ")
    assert "content-type" in allowed


def test_sign_preflight_from_a_foreign_origin_is_refused(api_client, page, partner):
    response = preflight(api_client, sign_url(page.slug), FOREIGN)

    assert "Access-Control-Allow-Origin" not in response


def test_signing_from_a_foreign_origin_gets_no_cors_header(api_client, page, partner):
    response = api_client.post(
        sign_url(page.slug),
        data={"email": "a@example.org"},
        format="json",
        headers={"Origin": FOREIGN},
    )

    assert "Access-Control-Allow-Origin" not in response


def test_sign_preflight_for_an_unknown_campaign_is_refused(api_client, page, partner):
    response = preflight(api_client, sign_url("no-such-campaign"), PARTNER)

    assert "Access-Control-Allow-Origin" not in response


def test_open_to_all_sites_allows_signing_from_any_origin(api_client, page):
    page.open_to_all_sites = True
    page.save_revision().publish()

    response = preflight(api_client, sign_url(page.slug), FOREIGN)

    assert response["Access-Control-Allow-Origin"] == FOREIGN


def test_the_site_itself_may_sign(api_client, page):
    response = preflight(api_client, sign_url(page.slug), "http://testserver")

    assert response["Access-Control-Allow-Origin"] == "http://testserver"


def test_paths_outside_the_api_get_no_cors_headers(api_client, page):
    response = api_client.get("/admin/login/", headers={"Origin": FOREIGN})

    assert "Access-Control-Allow-Origin" not in response
