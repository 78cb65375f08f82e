"""Fixtures for headers and two-factor sign-in: an editor, codes, production runs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import AbstractUser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from campaigns.models import CampaignPage
from tests.pages.conftest import serve_as_home

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"  # noqa: S105 - a test account's
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x7#production-check-secret-key-that-is-long-and-random-enough-42",
    "ALLOWED_HOSTS": "petitions.example.org",
    "UNDERSIGN_ENCRYPTION_KEYS": "dGVzdC1rZXktbmV3ZXN0LXRlc3Qta2V5LW5ld2VzdDE=",
    "UNDERSIGN_BLIND_INDEX_KEY": "production-check-blind-index-key",
    "BASE_URL": "https://petitions.example.org",
    "DEFAULT_FROM_EMAIL": "Petitions <petitions@example.org>",
}


@pytest.fixture
def hosted(page) -> CampaignPage:
    """The shared open campaign, served at `/en/`."""
    return serve_as_home(page)


@pytest.fixture
def editor(db, django_user_model) -> AbstractUser:
    """An admin user with a password and no second factor yet."""
    return django_user_model.objects.create_superuser(
        username="organizer", email="organizer@example.org", password=PASSWORD
    )


@pytest.fixture
def require_2fa(settings) -> None:
    settings.UNDERSIGN_ADMIN_REQUIRE_2FA = True


def code_for(device: TOTPDevice) -> str:
    """Return the code the person's authenticator app shows right now."""
    number = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{number:0{device.digits}d}"


@pytest.fixture
def run_production() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python ARGS` in a fresh process under production settings."""

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environ = {**os.environ, **PRODUCTION_ENV, **env}
        # The browser tests' switch (tests/e2e/conftest.py) is no deployment's.
        for name in ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
            environ.pop(name, None)
        return subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, *args],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    return run
