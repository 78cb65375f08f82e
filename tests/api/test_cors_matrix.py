"""The CORS matrix: every kind of origin against every read and the sign endpoint.

`tests/api/test_cors.py` covers the rules one by one; this crosses them with the
origins an attacker would try: a foreign site, `null` (sandboxed frames, files),
the partner's host on the wrong scheme or port, and a look-alike host.
"""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from campaigns.models import Signature
from tests.api.conftest import VALID, preflight, sign_url

PARTNER = "https://partner.example"
REFUSED_FOR_SIGNING = {
    "foreign": "https://elsewhere.example",
    "null": "null",
    "wrong-scheme": "http://partner.example",
    "look-alike-suffix": "https://partner.example.evil.test",
    "look-alike-prefix": "https://evilpartner.example",
    "port-mismatch": "https://partner.example:8443",
}
EVERY_ORIGIN = {"partner": PARTNER, **REFUSED_FOR_SIGNING}
READS = {
    "list": "/api/v1/campaigns/",
    "detail": "/api/v1/campaigns/{slug}/",
    "stats": "/api/v1/campaigns/{slug}/stats/",
}


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
@pytest.mark.parametrize("origin", EVERY_ORIGIN.values(), ids=EVERY_ORIGIN.keys())
def test_public_reads_answer_every_origin_without_credentials(
    api_client, page, partner, read, origin
):
    response = api_client.get(read.format(slug=page.slug), headers={"Origin": origin})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == origin
    assert "Access-Control-Allow-Credentials" not in response
    # A shared cache must not hand one origin's reply to another.
    assert "origin" in response["Vary"].lower()
    assert "Set-Cookie" not in response


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
@pytest.mark.parametrize("origin", EVERY_ORIGIN.values(), ids=EVERY_ORIGIN.keys())
def test_read_preflights_allow_get_and_refuse_writes(
    api_client, page, partner, read, origin
):
    url = read.format(slug=page.slug)

    get = preflight(api_client, url, origin, "GET")
    post = preflight(api_client, url, origin, "POST")

    assert get["Access-Control-Allow-Origin"] == origin
    assert "Access-Control-Allow-Origin" not in post


def test_sign_preflight_from_the_partner_origin_is_allowed(api_client, page, partner):
    response = preflight(api_client, sign_url(page.slug), PARTNER, "POST")

    assert response["Access-Control-Allow-Origin"] == PARTNER
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize(
    "origin", REFUSED_FOR_SIGNING.values(), ids=REFUSED_FOR_SIGNING.keys()
)
def test_sign_preflight_from_any_other_origin_is_refused(
    api_client, page, partner, origin
):
    response = preflight(api_client, sign_url(page.slug), origin, "POST")

    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Methods" not in response


def test_json_signing_from_the_partner_origin_is_readable(api_client, page, partner):
    response = api_client.post(
        sign_url(page.slug),
        data=json.dumps(VALID),
        content_type="application/json",
        headers={"Origin": PARTNER},
    )

    assert response.status_code == 202
    assert response["Access-Control-Allow-Origin"] == PARTNER
    assert Signature.objects.count() == 1


@pytest.mark.parametrize(
    "origin", REFUSED_FOR_SIGNING.values(), ids=REFUSED_FOR_SIGNING.keys()
)
def test_json_signing_reply_is_hidden_from_any_other_origin(
    api_client, page, partner, origin
):
    response = api_client.post(
        sign_url(page.slug),
        data=json.dumps(VALID),
        content_type="application/json",
        headers={"Origin": origin},
    )

    assert "Access-Control-Allow-Origin" not in response


# What a page can send cross-site without a preflight: these must never store.
SIMPLE_BODIES = {
    "form-encoded": (
        "application/x-www-form-urlencoded",
        "email=ana%40example.org&first_name=Ana",
    ),
    "text-plain": ("text/plain", json.dumps(VALID)),
    "text-plain-charset": ("text/plain; charset=utf-8", json.dumps(VALID)),
}


@pytest.mark.parametrize(
    ("content_type", "body"), SIMPLE_BODIES.values(), ids=SIMPLE_BODIES.keys()
)
@pytest.mark.parametrize("origin", EVERY_ORIGIN.values(), ids=EVERY_ORIGIN.keys())
def test_simple_cross_site_signing_is_a_415_and_stores_nothing(
    api_client, page, partner, origin, content_type, body
):
    response = api_client.post(
        sign_url(page.slug),
        data=body,
        content_type=content_type,
        headers={"Origin": origin},
    )

    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"
    assert Signature.objects.count() == 0


@pytest.mark.parametrize("origin", EVERY_ORIGIN.values(), ids=EVERY_ORIGIN.keys())
def test_the_partner_api_answers_no_origin_at_all(api_client, page, partner, origin):
    url = reverse("undersign_api:osdi-people")

    read = api_client.get(url, headers={"Origin": origin})
    asked = preflight(api_client, url, origin, "GET")

    assert "Access-Control-Allow-Origin" not in read
    assert "Access-Control-Allow-Origin" not in asked
