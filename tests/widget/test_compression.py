"""What the widget reads goes out gzipped; what answers a signer's POST does not."""

from __future__ import annotations

import gzip

import pytest

from campaigns.api.read_replay import PublicReadReplayMiddleware

GZIP = {"Accept-Encoding": "gzip, deflate"}
EMBED = "/embed/stop-the-detentions/?partner=make-the-road"
FRAGMENT = "/api/v1/campaigns/stop-the-detentions/embed/?lang=en"


def unzipped(response) -> bytes:
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    return gzip.decompress(response.content)


def test_the_script_is_gzipped_for_browsers_that_accept_it(client, script):
    script.write_text('console.log("[undersign] a script of some length");\n' * 20)
    assert unzipped(client.get("/widget/v1/undersign.js", headers=GZIP)) == (
        script.read_bytes()
    )
    plain = client.get("/widget/v1/undersign.js")
    assert not plain.has_header("Content-Encoding")


@pytest.mark.parametrize(
    "url",
    [
        EMBED,
        "/embed/stop-the-detentions/thanks/",
        "/widget/v1/campaigns/stop-the-detentions/",
    ],
)
def test_the_embed_pages_and_the_setup_answer_are_gzipped(client, hosted, url):
    response = client.get(url, headers=GZIP)

    assert response.status_code == 200
    assert b"stop-the-detentions" in unzipped(response)


def test_a_reply_to_a_signers_post_is_never_compressed(hosted, embed_post):
    # A failed no-JS signing re-renders what the signer typed (BREACH).
    response = embed_post(
        EMBED, hosted, email="not-an-email", HTTP_ACCEPT_ENCODING="gzip"
    )

    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"not-an-email" in response.content


def test_the_fragment_is_gzipped_and_replayed_only_to_those_who_accept_it(
    client, hosted, settings
):
    assert PublicReadReplayMiddleware.__module__ in settings.MIDDLEWARE[0]
    settings.UNDERSIGN_COUNT_STALENESS = 30  # keeps replies in memory

    first = client.get(FRAGMENT, headers=GZIP)
    replayed = client.get(FRAGMENT, headers=GZIP)
    plain = client.get(FRAGMENT)

    assert unzipped(replayed) == unzipped(first)
    assert b'"html"' in unzipped(first)
    assert not plain.has_header("Content-Encoding")
    assert plain.json()["html"]
