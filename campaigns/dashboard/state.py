"""Closing the loop: close, reopen, deliver or win a campaign on every translation.

Each change is a new page revision published by the user, so the page history says
who did it. A draft being written on a live page is neither published nor lost: the
change is published from the live version and applied to the draft too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from campaigns.admin import audit
from campaigns.models import Campaign, CampaignPage

State = CampaignPage.State


def campaign_pages(campaign: Campaign) -> list[CampaignPage]:
    """Return every translation of `campaign` that has its own content (no aliases)."""
    return list(
        CampaignPage.objects.filter(
            translation_key=campaign.translation_key, alias_of__isnull=True
        )
        .select_related("locale")
        .order_by("locale__language_code")
    )


def _set(page: CampaignPage, state: str, note: str) -> None:
    page.state = state
    page.outcome_note = note
    if state == State.OPEN and page.closes_at and page.closes_at <= timezone.now():
        # Reopening must reopen: a closing time already past would keep it closed.
        page.closes_at = None


def _apply(page: CampaignPage, state: str, note: str, user: Any) -> None:
    draft = (
        page.get_latest_revision_as_object()
        if page.has_unpublished_changes or not page.live
        else None
    )
    if page.live:
        _set(page, state, note)
        page.save_revision(user=user, log_action=True).publish(user=user)
    if draft is not None:
        _set(draft, state, note)
        draft.save_revision(user=user, log_action=True)
    log(page, audit.CAMPAIGN_STATE, user=user, data={"state": state})


@transaction.atomic
def campaign_state_set(
    *,
    pages: list[CampaignPage],
    state: str,
    notes: Mapping[int, str],
    user: Any,
) -> None:
    """Give every page in `pages` `state` and its outcome note from `notes` (by id).

    A page missing from `notes` keeps its note. Unpublished translations get a
    draft revision only.
    """
    for page in pages:
        _apply(page, state, notes.get(page.pk, page.outcome_note), user)
