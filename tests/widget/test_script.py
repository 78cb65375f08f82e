"""Serving the widget's script: short-cached current copy, immutable releases."""

from __future__ import annotations

from widget.releases import release_current


def test_current_script_is_served_with_its_headers(client, script):
    response = client.get("/widget/v1/undersign.js")

    assert response.status_code == 200
    assert response.content == script.read_bytes()
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"]
    assert not response.cookies


def test_a_matching_etag_gets_304_without_a_body(client, script):
    etag = client.get("/widget/v1/undersign.js")["ETag"]

    response = client.get("/widget/v1/undersign.js", headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["Cache-Control"] == "public, max-age=300"


def test_a_changed_script_gets_a_new_etag(client, script):
    before = client.get("/widget/v1/undersign.js")["ETag"]
    script.write_text('console.log("[undersign] fixed");\n')

    response = client.get("/widget/v1/undersign.js", headers={"If-None-Match": before})

    assert response.status_code == 200
    assert b"fixed" in response.content


def test_a_release_is_served_immutable(client, script):
    release_current("1.2.3")

    response = client.get("/widget/releases/1.2.3/undersign.js")

    assert response.status_code == 200
    assert response.content == script.read_bytes()
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_unknown_or_malformed_release_versions_are_not_found(client, script, db):
    for url in [
        "/widget/releases/9.9.9/undersign.js",
        "/widget/releases/..%2F..%2Fsettings/undersign.js",
        "/widget/releases/1.0/undersign.js",
    ]:
        assert client.get(url).status_code == 404, url


def test_the_script_cannot_be_posted_to(client, script):
    assert client.post("/widget/v1/undersign.js").status_code == 405
