"""Every public page kind carries one strict CSP, nosniff and a referrer policy."""

from __future__ import annotations

import re

import pytest

from cms.headers import parse_policy
from tests.factories import PartnerFactory, link_partner

EMBED = "/embed/stop-the-detentions/"
# An inline script is a <script> element without a src attribute.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I)
PUBLIC_PAGES = [
    "/en/",
    EMBED,
    "/privacy/",
    "/your-data/",
    "/sign/confirm/not-a-token/",
    "/your-data/not-a-token/",
]


def _policy(response) -> dict[str, list[str]]:
    return parse_policy(response["Content-Security-Policy"])


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_allow_no_inline_script(client, hosted, url):
    response = client.get(url)

    policy = _policy(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert response["X-Content-Type-Options"] == "nosniff"
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert ' style="' not in html


def test_a_public_page_sends_exactly_one_policy(client, hosted):
    response = client.get("/en/")

    assert len(response.headers.get("Content-Security-Policy").split(", ")) == 1
    assert "Content-Security-Policy-Report-Only" not in response.headers


def test_images_come_only_from_this_site(client, hosted):
    assert _policy(client.get("/en/"))["img-src"] == ["'self'"]


def test_the_embed_page_merges_partner_frame_ancestors_into_the_site_policy(
    client, hosted
):
    link_partner(
        hosted, PartnerFactory(slug="one", allowed_origins="https://a.example")
    )

    policy = _policy(client.get(EMBED))

    assert policy["frame-ancestors"] == ["https://a.example", "'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]


def test_a_themed_embed_page_styles_only_through_its_nonce(client, hosted):
    response = client.get(EMBED, {"color": "#0a7"})

    nonces = re.findall(r'<style nonce="([^"]+)">', response.content.decode())
    assert len(nonces) == 1
    assert _policy(response)["style-src"] == ["'self'", f"'nonce-{nonces[0]}'"]
    assert response["Cache-Control"] == "no-store"


def test_an_unthemed_page_carries_no_nonce(client, hosted):
    assert _policy(client.get("/en/"))["style-src"] == ["'self'"]


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("get", "/api/v1/campaigns/", None),
        ("get", "/api/v1/campaigns/stop-the-detentions/stats/", None),
        ("get", "/api/v1/campaigns/no-such-campaign/", None),
        ("post", "/api/v1/campaigns/stop-the-detentions/signatures/", "x=1"),
    ],
)
def test_api_replies_are_never_sniffed(client, hosted, method, url, body):
    kwargs = {"content_type": "application/x-www-form-urlencoded"} if body else {}
    response = getattr(client, method)(url, *([body] if body else []), **kwargs)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_public_pages_keep_referrers_on_this_site(client, hosted):
    assert client.get("/en/")["Referrer-Policy"] == "same-origin"
    assert client.get(EMBED)["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "url",
    [
        "/sign/confirm/not-a-token/",
        "/sign/withdraw/not-a-token/",
        "/your-data/not-a-token/",
    ],
)
def test_pages_with_a_token_in_their_url_send_no_referrer(client, db, url):
    assert client.get(url)["Referrer-Policy"] == "no-referrer"


def test_the_admin_has_its_own_looser_policy(client, db):
    policy = _policy(client.get("/admin/login/"))

    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert "frame-ancestors" not in policy


def test_no_hsts_outside_production(client, hosted):
    assert "Strict-Transport-Security" not in client.get("/en/", secure=True)


def test_a_policy_is_read_directive_by_directive():
    header = "frame-ancestors https://a.example 'self';; Upgrade-Insecure-Requests ;"

    assert parse_policy(header) == {
        "frame-ancestors": ["https://a.example", "'self'"],
        "upgrade-insecure-requests": [],
    }
