"""Partner origins: exactly scheme, host and optional port; everything else refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from campaigns.partners.origins import clean_origins, normalize_origin


@pytest.mark.parametrize(
    ("value", "origin"),
    [
        ("https://partner.example", "https://partner.example"),
        ("https://partner.example/", "https://partner.example"),  # trailing slash
        ("  HTTPS://Partner.Example  ", "https://partner.example"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("https://partner.example:443", "https://partner.example"),  # default port
        ("http://partner.example:80/", "http://partner.example"),
        ("https://partner.example:8443", "https://partner.example:8443"),
        ("http://127.0.0.1:8001", "http://127.0.0.1:8001"),
        ("http://[::1]:8000", "http://[::1]:8000"),
        ("https://xn--caf-dma.example", "https://xn--caf-dma.example"),
    ],
)
def test_good_origins_are_normalized(value, origin):
    assert normalize_origin(value) == origin


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("https://partner.example/petition", "no path"),
        ("https://partner.example/?a=1", "no path, query"),
        ("https://partner.example#top", "fragment"),
        ("https://*.partner.example", "Wildcards"),
        ("*", "Wildcards"),
        ("ftp://partner.example", "Only http:// and https://"),
        ("javascript://partner.example", "Only http:// and https://"),
        ("partner.example", "Start with http:// or https://"),
        ("//partner.example", "Start with http:// or https://"),
        ("https://user:secret@partner.example", "user names"),
        ("https://partner.example:99999", "port"),
        ("https://partner.example:http", "port"),
        ("https://", "valid host"),
        ("https://bad_host.example", "valid host"),
        ("https://partner .example", "valid host"),
    ],
)
def test_bad_origins_are_refused_with_a_reason(value, message):
    with pytest.raises(ValidationError) as refused:
        normalize_origin(value)

    assert message in refused.value.messages[0]


def test_a_list_is_normalized_and_deduplicated_in_order():
    text = "https://b.example/\n\nHTTPS://B.example\nhttp://a.example:8000\n"

    assert clean_origins(text) == "https://b.example\nhttp://a.example:8000"


def test_every_bad_line_is_reported_by_its_number():
    text = "https://good.example\nftp://bad.example\n\nhttps://x.example/path"

    with pytest.raises(ValidationError) as refused:
        clean_origins(text)

    messages = refused.value.messages
    assert len(messages) == 2
    assert messages[0].startswith("Line 2 (ftp://bad.example):")
    assert messages[1].startswith("Line 4 (https://x.example/path):")


def test_an_empty_list_is_allowed():
    assert clean_origins("\n  \n") == ""
