"""System checks with stable ids catch bad plugin settings at start-up."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.checks import run_checks

VALID_KEY = "dGVzdC1rZXktbmV3ZXN0LXRlc3Qta2V5LW5ld2VzdDE="


def _plugin_errors() -> set[str]:
    return {
        message.id
        for message in run_checks()
        if message.id and message.id.startswith("undersign_campaigns.")
    }


def test_the_test_settings_pass_every_plugin_check():
    assert _plugin_errors() == set()


def test_no_encryption_key_is_e001(settings):
    settings.UNDERSIGN_ENCRYPTION_KEYS = []

    assert _plugin_errors() == {"undersign_campaigns.E001"}


@pytest.mark.parametrize("bad", ["not-a-key", "", "dGVzdA==", VALID_KEY[:-2]])
def test_an_invalid_encryption_key_is_e002(settings, bad):
    settings.UNDERSIGN_ENCRYPTION_KEYS = [VALID_KEY, bad]

    assert _plugin_errors() == {"undersign_campaigns.E002"}


@pytest.mark.parametrize("short", ["", "too-short", "x" * 15])
def test_a_short_blind_index_key_is_e003(settings, short):
    settings.UNDERSIGN_BLIND_INDEX_KEY = short

    assert _plugin_errors() == {"undersign_campaigns.E003"}


@pytest.mark.parametrize("staleness", [-1, 61, 3600])
def test_a_count_staleness_out_of_range_is_e004(settings, staleness):
    settings.UNDERSIGN_COUNT_STALENESS = staleness

    assert _plugin_errors() == {"undersign_campaigns.E004"}


@pytest.mark.parametrize("staleness", [0, 5, 60])
def test_a_count_staleness_in_range_passes(settings, staleness):
    settings.UNDERSIGN_COUNT_STALENESS = staleness

    assert _plugin_errors() == set()


def test_a_missing_app_is_e005_naming_it(monkeypatch):
    installed = apps.is_installed
    monkeypatch.setattr(
        apps,
        "is_installed",
        lambda name: name != "drf_spectacular_sidecar" and installed(name),
    )

    errors = [m for m in run_checks() if m.id == "undersign_campaigns.E005"]

    assert len(errors) == 1
    assert '"drf_spectacular_sidecar" in INSTALLED_APPS' in errors[0].msg


def test_a_missing_cors_middleware_is_e006(settings):
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if "corsheaders" not in name
    ]

    assert "undersign_campaigns.E006" in _plugin_errors()
