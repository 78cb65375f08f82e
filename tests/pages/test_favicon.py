"""Browsers ask every site for /favicon.ico: it is there, so no page logs a 404."""

from __future__ import annotations


def test_the_site_serves_a_favicon(client, db):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # the ICO signature
