"""Each process keeps the published campaigns it read, under the shared cache's
generation: a change anywhere is served at once, and a repeated read costs nothing
but that small read."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.api import published
from campaigns.api.published import GENERATION_KEY, published_translations
from campaigns.models import CampaignPage
from campaigns.services import campaign_identity


@pytest.fixture(autouse=True)
def _cached(settings) -> None:
    """A window to keep copies in (the tests' local-memory cache bounds them)."""
    settings.UNDERSIGN_COUNT_STALENESS = 5


def _titles(page: CampaignPage) -> list[str]:
    return [found.title for found in published_translations(_key(page))]


def _key(page: CampaignPage) -> str:
    return campaign_identity(page).public_key


def _changed_elsewhere(page: CampaignPage, title: str) -> None:
    """Change the title as another process would: its save moves the shared
    generation on, and this process hears no signal."""
    CampaignPage.objects.filter(pk=page.pk).update(title=title)
    cache.incr(GENERATION_KEY)


def test_a_repeated_read_asks_the_database_nothing(page, django_assert_num_queries):
    _titles(page)
    # The shared entry gone too: the process's own copy answers.
    cache.delete(f"undersign:published:{_key(page)}")

    with django_assert_num_queries(0):
        assert _titles(page) == [page.title]


def test_a_change_made_by_another_process_is_served_at_once(page):
    assert _titles(page) == [page.title]

    _changed_elsewhere(page, "Stop the raids")

    assert _titles(page) == ["Stop the raids"]


def test_a_copy_is_not_kept_past_its_lifetime(page, monkeypatch):
    # With a local-memory cache, which hears no other process's changes, the
    # lifetime is the staleness window; on Redis it only bounds memory.
    _titles(page)
    CampaignPage.objects.filter(pk=page.pk).update(title="Stop the raids")
    cache.delete(f"undersign:published:{_key(page)}")
    now, lifetime = published.time.monotonic(), published._lifetime()

    monkeypatch.setattr(published.time, "monotonic", lambda: now + lifetime - 1)
    assert _titles(page) == [page.title]

    monkeypatch.setattr(published.time, "monotonic", lambda: now + lifetime + 1)
    assert _titles(page) == ["Stop the raids"]


def test_an_unknown_key_is_looked_up_again(page):
    # A campaign published later under that key must be found.
    assert published_translations("no-such-campaign") == []
    with CaptureQueriesContext(connection) as queries:
        assert published_translations("no-such-campaign") == []
    assert len(queries) > 0
