"""Every public input gets a 4xx or is ignored, never a 5xx."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from django.test import Client

from campaigns.models import Signature
from campaigns.services import campaign_identity
from tests.pages.conftest import serve_as_home

# Values no form sends: path separators, controls, markup, overlong, non-ASCII.
NASTY = [
    "/",
    "a/b",
    "../..",
    "%2F",
    "\\",
    " ",
    "\x00",
    "\ufeff",
    "<script>",
    "x" * 5000,
    "ключ",
    "a?b#c",
    "'; DROP TABLE x;--",
]
PARAMS = ["partner", "lang", "color", "radius", "page", "utm_source", "origin"]


@pytest.fixture
def public_urls(page, partner) -> list[str]:
    serve_as_home(page)
    key = campaign_identity(page).public_key
    return [
        "/",
        "/privacy/",
        "/your-data/",
        "/api/v1/campaigns/",
        f"/api/v1/campaigns/{key}/",
        f"/api/v1/campaigns/{key}/stats/",
        f"/api/v1/campaigns/{key}/embed/",
        f"/api/v1/campaigns/{key}/form-token/",
        f"/embed/{key}/",
        f"/embed/{key}/thanks/",
    ]


@pytest.mark.parametrize("value", NASTY)
def test_no_query_parameter_makes_a_public_page_fail(public_urls, value):
    client = Client(raise_request_exception=False)
    for url in public_urls:
        for name in PARAMS:
            response = client.get(f"{url}?{name}={quote(value)}", follow=True)
            assert response.status_code < 500, (url, name, value)


@pytest.mark.parametrize("value", NASTY)
def test_no_key_in_a_path_makes_a_public_page_fail(db, value):
    client = Client(raise_request_exception=False)
    for template in (
        "/api/v1/campaigns/{}/",
        "/api/v1/campaigns/{}/stats/",
        "/api/v1/campaigns/{}/embed/",
        "/embed/{}/",
        "/sign/confirm/{}/",
        "/sign/withdraw/{}/",
        "/your-data/{}/",
    ):
        url = template.format(quote(value, safe=""))
        assert client.get(url).status_code < 500, url


@pytest.mark.parametrize("partner_key", ["/", "a/b", "x" * 500, "\x00", " "])
def test_a_signing_with_an_odd_partner_key_is_kept_and_answered(page, partner_key):
    client = Client(raise_request_exception=False)
    key = campaign_identity(page).public_key

    response = client.post(
        f"/api/v1/campaigns/{key}/signatures/",
        data=json.dumps({"email": "ana@example.org", "partner": partner_key}),
        content_type="application/json",
    )
    embed = client.post(
        f"/embed/{key}/?partner={quote(partner_key)}",
        {"email": "bo@example.org", "first_name": "Bo", "last_name": "Li"},
        headers={"Origin": "http://testserver"},
    )

    assert response.status_code in {202, 400}
    assert embed.status_code < 500
    if response.status_code == 202:
        assert Signature.objects.count() >= 1
