"""Which language the hosted page speaks: its URL prefix, else Accept-Language."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("accept", "prefix"),
    [("es", "/es/"), ("ar,en;q=0.5", "/ar/"), ("zh-TW", "/zh-hant/"), ("de", "/en/")],
)
def test_root_redirects_to_the_browsers_language(client, hosted, accept, prefix):
    response = client.get("/", headers={"accept-language": accept})

    assert response.status_code == 302
    assert response["Location"] == prefix


def test_the_url_prefix_wins_over_accept_language(client, hosted):
    html = client.get("/ru/", headers={"accept-language": "es"}).content.decode()

    assert '<html lang="ru" dir="ltr">' in html
