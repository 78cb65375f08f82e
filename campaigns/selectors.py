"""Reads: finding campaigns by key and language, counting, recent signers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.db.models import QuerySet
from wagtail.models import Locale

from campaigns.conf import conf
from campaigns.models import Campaign, CampaignPage, ConsentVersion, Signature


def campaign_pages() -> QuerySet[CampaignPage]:
    """Return the campaign pages the public may see: live and published."""
    return CampaignPage.objects.live().public().select_related("locale")


def campaign_page_for_key(key: str, language: str | None = None) -> CampaignPage | None:
    """Return the live page for a public key (or current slug), in `language` if any.

    Falls back to the default locale's page, then to any live translation.
    """
    campaign = Campaign.objects.filter(public_key=key).only("translation_key").first()
    pages = campaign_pages()
    if campaign is not None:
        pages = pages.filter(translation_key=campaign.translation_key)
    else:
        by_slug = pages.filter(slug=key).values_list("translation_key", flat=True)[:1]
        pages = pages.filter(translation_key__in=list(by_slug))
    candidates = list(pages)
    if not candidates:
        return None
    wanted = [language] if language else []
    wanted.append(Locale.get_default().language_code)
    for code in wanted:
        for page in candidates:
            if page.locale.language_code == code:
                return page
    return candidates[0]


def signature_count(campaign: Campaign) -> int:
    """Return the public count, at most `UNDERSIGN_COUNT_STALENESS` seconds old."""
    cache_key = f"undersign:count:{campaign.pk}"
    count = cache.get(cache_key)
    if count is None:
        count = (
            Signature.objects.counted().filter(campaign=campaign).count()
            + campaign.count_offset
        )
        cache.set(cache_key, count, conf.COUNT_STALENESS)
    return int(count)


@dataclass(frozen=True)
class RecentSigner:
    first_name: str
    last_initial: str
    signed_at: datetime


def recent_signers(campaign: Campaign, limit: int | None = None) -> list[RecentSigner]:
    """Return the latest counted signers who agreed to be shown, newest first."""
    rows = (
        Signature.objects.counted()
        .filter(
            campaign=campaign,
            consents__version__kind=ConsentVersion.Kind.DISPLAY,
            status=Signature.Status.CONFIRMED,
        )
        .order_by("-created_at")
        .only("identifiers", "created_at")[: limit or conf.RECENT_SIGNERS]
    )
    signers = []
    for signature in rows:
        identity = signature.identity
        if identity is None or not identity.first_name:
            continue
        signers.append(
            RecentSigner(
                first_name=identity.first_name,
                last_initial=identity.last_name[:1].upper(),
                signed_at=signature.created_at,
            )
        )
    return signers
