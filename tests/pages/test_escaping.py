from __future__ import annotations

from django.test import Client

from campaigns.models import Signature

HOSTILE = "<b>x</b><script>alert(1)</script>"
ESCAPED = "&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;"


def test_html_typed_into_a_name_is_escaped_on_the_thank_you_page(client, hosted, sign):
    response = sign("/en/", first_name=HOSTILE)

    html = client.get(response["Location"]).content.decode()

    assert Signature.objects.get().identity.first_name == HOSTILE
    assert ESCAPED in html
    assert "<script>alert(1)" not in html


def test_html_typed_into_a_name_is_escaped_among_recent_signers(hosted, sign):
    sign("/en/", first_name=HOSTILE, consents=["display"])

    html = Client().get("/en/").content.decode()

    assert "Recent signers" in html
    assert ESCAPED in html
    assert "<b>x</b>" not in html


def test_html_typed_into_a_name_is_escaped_when_the_form_is_redisplayed(hosted, sign):
    html = sign("/en/", first_name=HOSTILE, email="broken").content.decode()

    assert ESCAPED in html
    assert "<script>alert(1)" not in html
