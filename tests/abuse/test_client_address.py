"""The client's address: X-Forwarded-For counts only as far as proxies are trusted."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from campaigns.throttling import client_address
from campaigns.throttling.address import normalize


def _request(remote: str, forwarded: str = ""):
    meta = {"REMOTE_ADDR": remote}
    if forwarded:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_a_trusted_proxy_a_spoofed_forwarded_for_is_ignored(settings):
    settings.UNDERSIGN_TRUSTED_PROXY_COUNT = 0
    settings.UNDERSIGN_TRUSTED_PROXIES = []

    request = _request("198.51.100.9", "1.2.3.4, 5.6.7.8")

    assert client_address(request) == "198.51.100.9"


def test_one_trusted_proxy_believes_only_the_hop_it_appended(settings):
    settings.UNDERSIGN_TRUSTED_PROXY_COUNT = 1

    spoofed = _request("10.0.0.2", "6.6.6.6, 198.51.100.9")
    plain = _request("10.0.0.2", "198.51.100.9")

    assert client_address(spoofed) == "198.51.100.9"
    assert client_address(plain) == "198.51.100.9"


def test_two_trusted_proxies_skip_the_cdn_hop(settings):
    settings.UNDERSIGN_TRUSTED_PROXY_COUNT = 2

    request = _request("10.0.0.2", "6.6.6.6, 198.51.100.9, 192.0.2.50")

    assert client_address(request) == "198.51.100.9"


def test_a_request_that_bypassed_the_proxies_is_keyed_by_its_own_address(settings):
    settings.UNDERSIGN_TRUSTED_PROXY_COUNT = 2

    # Too few hops: it did not come through both proxies, so its header is its own.
    request = _request("198.51.100.9", "6.6.6.6")

    assert client_address(request) == "198.51.100.9"


def test_trusted_networks_are_skipped_from_the_right(settings):
    settings.UNDERSIGN_TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.0/24"]

    request = _request("10.0.0.2", "6.6.6.6, 198.51.100.9, 192.0.2.50")

    assert client_address(request) == "198.51.100.9"


def test_a_peer_outside_the_trusted_networks_is_the_client(settings):
    settings.UNDERSIGN_TRUSTED_PROXIES = ["10.0.0.0/8"]

    request = _request("198.51.100.9", "6.6.6.6")

    assert client_address(request) == "198.51.100.9"


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("198.51.100.9:4711", "198.51.100.9"),
        ("::ffff:198.51.100.9", "198.51.100.9"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("[2001:db8:1:2::9]:443", "2001:db8:1:2::/64"),
        ("  not-an-address ", "not-an-address"),
        ("", ""),
    ],
)
def test_addresses_are_normalized(raw, normalized):
    assert normalize(raw) == normalized


def test_one_ipv6_holder_is_one_client_across_its_64(settings):
    first = _request("2001:db8:1:2::1")
    second = _request("2001:db8:1:2:ffff::7")
    other = _request("2001:db8:1:3::1")

    assert client_address(first) == client_address(second) != client_address(other)
