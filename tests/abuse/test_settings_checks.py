"""Start-up checks catch defence settings that would fail every signing."""

from __future__ import annotations

from django.core.checks import run_checks


def _ids() -> set[str]:
    return {message.id for message in run_checks()}


def test_good_settings_pass(settings):
    settings.UNDERSIGN_THROTTLE_RATES = {"client_burst": "5/minute"}
    settings.UNDERSIGN_TRUSTED_PROXIES = ["10.0.0.0/8", "2001:db8::/32"]

    assert not {"undersign_campaigns.E020", "undersign_campaigns.E021"} & _ids()


def test_a_bad_rate_or_limit_name_is_reported(settings):
    settings.UNDERSIGN_THROTTLE_RATES = {"client_burst": "5 a minute"}
    assert "undersign_campaigns.E020" in _ids()

    settings.UNDERSIGN_THROTTLE_RATES = {"client_bursts": "5/minute"}
    assert "undersign_campaigns.E020" in _ids()


def test_a_bad_trusted_proxy_network_is_reported(settings):
    settings.UNDERSIGN_TRUSTED_PROXIES = ["10.0.0.0/33"]

    assert "undersign_campaigns.E021" in _ids()
