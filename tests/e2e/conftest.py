"""Browser tests: Debian's Chromium through pytest-playwright, against live_server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from campaigns.models import CampaignPage

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
]

# Sync Playwright runs an event loop in the test thread; the ORM would refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session", autouse=True)
def _chromium_installed() -> None:
    """Skip locally without Chromium; under CI a missing browser is a failure."""
    if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


def restore_wagtail_tree() -> None:
    """Put back what Wagtail's migrations create and `live_server`'s flush removes.

    The root page, default locale, a home page and the default site: the other
    tests in the run expect them.
    """
    ContentType.objects.clear_cache()
    locale, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        home = root.add_child(
            instance=Page(title="Welcome to your new Wagtail site!", slug="home")
        )
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )


@pytest.fixture(scope="module", autouse=True)
def _wagtail_tree_after_browser_tests(django_db_setup, django_db_blocker) -> Iterator:
    """After this module's last flush, leave the database as migrations did."""
    yield
    with django_db_blocker.unblock():
        restore_wagtail_tree()


@pytest.fixture
def seeded_live(live_server) -> CampaignPage:
    """The seed campaign on the live server (after an earlier test's flush)."""
    restore_wagtail_tree()
    call_command("undersign_seed_demo", partner_port=8001)
    return CampaignPage.objects.get(slug="ice-free-nyc")
