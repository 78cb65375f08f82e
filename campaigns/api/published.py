"""The live translations of a campaign by key, cached across requests and processes.

Finding them costs three queries (campaign, view restrictions, pages) and their
partners, questions and campaign identity three more, on every public request.
The cache holds them with those prefetched, under a generation number that every
change to a page, a view restriction, a campaign or a partner moves on, so no
process sharing the cache serves a page after it changed; the lifetime only bounds
memory. Each process also keeps the ones it read, under the same generation: a
request then costs one small read of the generation, not a pickled page.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaigns.conf import conf
from campaigns.models import (
    Campaign,
    CampaignPage,
    CampaignPartner,
    CampaignQuestion,
    Partner,
)
from campaigns.selectors import is_lookup_key, live_translations
from campaigns.services import campaign_identity

GENERATION_KEY = "undersign:published:generation"
LIFETIME = 300


def _generation() -> int:
    """Return the current generation, starting one if the cache has none.

    A new one starts at the clock, never at a number an old entry may carry.
    """
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY, time.time_ns())
    return int(generation)


def published_translations(key: str) -> list[CampaignPage]:
    """Return `live_translations(key)` with partners, questions and the campaign
    identity prefetched."""
    if not is_lookup_key(key):
        return []
    # Every entry names the generation it was read under, and only the current
    # one is served.
    generation = _generation()
    held = _held.get(key)
    if held is not None and held[0] == generation and time.monotonic() < held[1]:
        return held[2]
    cache_key = f"undersign:published:{key}"
    entry: tuple[int, list[CampaignPage]] | None = cache.get(cache_key)
    if entry is not None and entry[0] == generation:
        pages = entry[1]
    else:
        pages = _read(key)
        if pages:
            cache.set(cache_key, (generation, pages), _lifetime())
    # An unknown key is not kept: a campaign created later must be found.
    if pages:
        _hold(key, generation, pages)
    return pages


def _read(key: str) -> list[CampaignPage]:
    pages = live_translations(key)
    for page in pages:
        # Read on every signing (offered boxes, custom questions): held in
        # memory the way modelcluster holds a revision's children.
        page.campaign_partners.set(page.campaign_partners.select_related("partner"))
        page.questions.set(page.questions.all())
        campaign_identity(page)
    return pages


# This process's copies by key: (generation, good until on the monotonic clock,
# pages). Requests only read them, as they read a cached page; a few per campaign.
_held: dict[str, tuple[int, float, list[CampaignPage]]] = {}
HELD_MAX = 1_000


def _hold(key: str, generation: int, pages: list[CampaignPage]) -> None:
    if len(_held) >= HELD_MAX:
        _held.clear()
    _held[key] = (generation, time.monotonic() + _lifetime(), pages)


def _lifetime() -> int:
    """Return how long an entry is kept: a process-local cache (or a Redis one
    answering from memory during an outage) never hears of another process's
    changes, so there it lasts only the staleness window.
    """
    backend = caches["default"]
    local = isinstance(backend, LocMemCache) or getattr(
        backend, "serving_locally", False
    )
    return conf.COUNT_STALENESS if local else LIFETIME


def forget_published(**kwargs: Any) -> None:
    """Move to a new generation now and again once the change is committed, so
    no request can cache what it read before the commit under the new one.
    """
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        # Evicted meanwhile: a fresh start is a new generation too.
        _generation()


# What a published campaign is read from. A plugin listens to its own models, to
# Wagtail's page signals and to the one Wagtail model that hides a live page (a
# view restriction), never to every model of the host site.
CACHED_MODELS = (
    CampaignPage,
    Campaign,
    CampaignPartner,
    CampaignQuestion,
    Partner,
    PageViewRestriction,
)

for _signal in (page_published, page_unpublished, post_page_move):
    _signal.connect(forget_published, dispatch_uid=f"undersign-{_signal}")
# A deleted page (any type: a section above a campaign takes it along) is gone
# from every URL at once, published or not.
post_delete.connect(forget_published, sender=Page, dispatch_uid="undersign-page-del")
for _model in CACHED_MODELS:
    post_save.connect(
        forget_published, sender=_model, dispatch_uid=f"undersign-save-{_model}"
    )
    post_delete.connect(
        forget_published, sender=_model, dispatch_uid=f"undersign-del-{_model}"
    )
