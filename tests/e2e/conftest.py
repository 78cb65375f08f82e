"""Browser tests: Debian's Chromium driven by Playwright, against `live_server`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, sync_playwright

from campaigns.models import CampaignPage
from tests.conftest import restore_wagtail_tree

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Named hosts make partner pages another *site*, as in the real world.
    "--host-resolver-rules=MAP *.test 127.0.0.1",
]

# Sync Playwright runs an event loop in the test thread; the ORM would refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium for the whole run; skipped without it locally, a failure under CI."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing under CI: .ci/run installs it")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module", autouse=True)
def _wagtail_tree_after_browser_tests(wagtail_tree_after_module) -> None:
    """After this module's last flush, leave the database as migrations did."""


@pytest.fixture
def seeded_live(live_server) -> CampaignPage:
    """The seed campaign on the live server (after an earlier test's flush)."""
    restore_wagtail_tree()
    call_command("undersign_seed_demo", partner_port=8001)
    return CampaignPage.objects.get(slug="ice-free-nyc")
