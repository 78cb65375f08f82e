"""Shared fixtures: a published campaign, partners, clients, a clean cache."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation
from playwright.sync_api import Browser, sync_playwright
from rest_framework.test import APIClient
from wagtail.models import Page

from campaigns.api.read_replay import forget_replays
from campaigns.models import CampaignPage, Partner
from campaigns.signing.service import forget_consent_versions
from campaigns.throttling.client_key import forget_remembered_secrets
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.factories import (
    PartnerFactory,
    campaign_page,
    link_partner,
    restore_wagtail_tree,
)


@pytest.fixture(autouse=True)
def _isolated_cache(settings) -> Iterator[None]:
    """Counts and throttles never leak between tests; counts are read fresh."""
    settings.UNDERSIGN_COUNT_STALENESS = 0
    cache.clear()
    forget_replays()
    forget_consent_versions()
    # The process remembers the day's client-key secret; a test's rolled-back
    # database no longer holds it.
    forget_remembered_secrets()
    # A request or test that activated a language must not leak it to the next.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def page(db) -> CampaignPage:
    """A published, open campaign asking first and last name, postal code optional."""
    return campaign_page()


@pytest.fixture
def partner(db, page) -> Partner:
    """A partner linked to `page`, allowed to embed from https://partner.example."""
    partner = PartnerFactory(name="Make the Road", slug="make-the-road")
    link_partner(page, partner)
    return partner


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def wagtail_tree(db) -> Page:
    """Return the root page, re-created if an earlier transactional test flushed it."""
    return restore_wagtail_tree()


@pytest.fixture(scope="module")
def wagtail_tree_after_module(django_db_setup, django_db_blocker) -> Iterator[None]:
    """After a module of flushing tests, leave the tree as migrations did."""
    yield
    with django_db_blocker.unblock():
        restore_wagtail_tree()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium for the whole run; skipped without it locally, a failure under CI.

    One per run, for every folder that drives a browser: Playwright refuses a second
    sync instance in the same thread.
    """
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing under CI: .ci/run installs it")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    # Sync Playwright runs an event loop in the test thread; the ORM would refuse.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
