"""What the public reads return, composed from the plugin's selectors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.http import HttpRequest

from campaigns.api.errors import CampaignNotFound
from campaigns.api.form import FormField, form_fields
from campaigns.api.published import published_translations
from campaigns.models import Campaign, CampaignPage, Partner
from campaigns.selectors import (
    RecentSigner,
    campaign_page_for_key,
    campaign_pages,
    current_goal,
    page_in_language,
    partner_for_key,
    recent_signers,
    signature_count,
)
from campaigns.services import campaign_identity
from campaigns.signing.consents import OfferedConsent, offered_consents


@dataclass(frozen=True)
class CampaignRead:
    """One campaign as the public sees it, in one language."""

    campaign: Campaign
    page: CampaignPage
    partner: Partner | None = None

    @cached_property
    def count(self) -> int:
        # Read once: the goal is chosen from the same count.
        return signature_count(self.campaign)

    @property
    def goal(self) -> int:
        return current_goal(self.page, self.count)

    @property
    def form_fields(self) -> list[FormField]:
        return form_fields(self.page)

    @property
    def offered_consents(self) -> list[OfferedConsent]:
        return offered_consents(self.page, self.partner)


@dataclass(frozen=True)
class StatsRead:
    count: int
    goal: int
    recent_signers: list[RecentSigner]


# Where a request keeps the translations it looked up: the CORS decision and the
# view need the same ones, and even a cache hit costs two round trips.
TRANSLATIONS_ATTR = "_undersign_translations"


def request_translations(request: HttpRequest | None, key: str) -> list[CampaignPage]:
    """Return `published_translations(key)`, looked up at most once per `request`."""
    if request is None:
        return published_translations(key)
    found: dict[str, list[CampaignPage]] | None = getattr(
        request, TRANSLATIONS_ATTR, None
    )
    if found is None:
        found = {}
        setattr(request, TRANSLATIONS_ATTR, found)
    if key not in found:
        found[key] = published_translations(key)
    return found[key]


def public_page(
    key: str, language: str, request: HttpRequest | None = None
) -> CampaignPage:
    """Return the live page for `key` in `language` (or a fallback), else 404."""
    page = page_in_language(request_translations(request, key), language)
    if page is None:
        raise CampaignNotFound()
    return page


def campaign_read(key: str, language: str, partner_key: str = "") -> CampaignRead:
    """Return the campaign for `key`; an unknown `partner_key` is simply ignored."""
    page = public_page(key, language)
    partner = partner_for_key(partner_key)
    return CampaignRead(campaign_identity(page), page, partner)


def listed_campaigns(language: str) -> list[CampaignRead]:
    """Return one entry per live campaign, newest first, each in `language` if any."""
    campaigns = Campaign.objects.filter(
        translation_key__in=campaign_pages().values("translation_key")
    ).order_by("-created_at")
    reads = []
    for campaign in campaigns:
        page = campaign_page_for_key(campaign.public_key, language)
        if page is not None:
            reads.append(CampaignRead(campaign, page))
    return reads


def campaign_stats(key: str, language: str) -> StatsRead:
    """Return the count, goal and, where the page shows them, recent signers."""
    page = public_page(key, language)
    campaign = campaign_identity(page)
    count = signature_count(campaign)
    return StatsRead(
        count=count,
        goal=current_goal(page, count),
        recent_signers=recent_signers(campaign) if page.show_recent_signers else [],
    )
