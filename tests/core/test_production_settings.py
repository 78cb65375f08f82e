"""Production settings refuse to start without their secrets, and say which."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "SECRET_KEY": "a-long-production-secret-key-for-this-test-only",
    "ALLOWED_HOSTS": "petitions.example.org",
    "UNDERSIGN_ENCRYPTION_KEYS": "cHJvZHVjdGlvbi1rZXktcHJvZHVjdGlvbi1rZXktMDE=",
    "UNDERSIGN_BLIND_INDEX_KEY": "a-production-blind-index-key",
    "BASE_URL": "https://petitions.example.org",
    "DEFAULT_FROM_EMAIL": "Petitions <petitions@example.org>",
}


def _start(**variables: str) -> subprocess.CompletedProcess[str]:
    """Import production settings in a clean environment with only `variables`."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        **variables,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_starts_with_every_secret_set():
    started = _start(**REQUIRED)

    assert started.returncode == 0, started.stderr


def test_production_without_any_secret_names_them_all():
    started = _start()

    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr
    for name in REQUIRED:
        assert name in started.stderr


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_without_one_secret_names_only_that_one(missing):
    started = _start(**{k: v for k, v in REQUIRED.items() if k != missing})

    assert started.returncode != 0
    message = started.stderr.strip().splitlines()[-1]
    assert missing in message
    assert [name for name in REQUIRED if name in message] == [missing]


def test_an_empty_secret_counts_as_missing():
    started = _start(**{**REQUIRED, "SECRET_KEY": ""})

    assert started.returncode != 0
    assert "SECRET_KEY" in started.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "sender",
    ["petitions@localhost", "Petitions <petitions@localhost>", "not an address"],
)
def test_production_refuses_a_sender_address_that_is_not_real(sender):
    started = _start(**{**REQUIRED, "DEFAULT_FROM_EMAIL": sender})

    assert started.returncode != 0
    assert "DEFAULT_FROM_EMAIL" in started.stderr.strip().splitlines()[-1]
