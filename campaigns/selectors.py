"""Reads: finding campaigns by key and language, counting, goals, recent signers."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, QuerySet
from wagtail.coreutils import get_supported_content_language_variant

from campaigns.cached import cached_once
from campaigns.conf import conf
from campaigns.models import (
    Campaign,
    CampaignPage,
    ConsentVersion,
    Partner,
    Signature,
    SignatureConsent,
)
from campaigns.signing.consents import OfferedConsent, offered_consents

# The boxes a signer ticks, in the order the form shows them.
CONSENT_BOXES: list[str] = [
    ConsentVersion.Kind.ORGANIZER,
    ConsentVersion.Kind.PARTNER,
    ConsentVersion.Kind.DISPLAY,
]


# Keys arrive in URLs and query strings. One that no slug or public key can
# equal is no match, and never reaches the database: PostgreSQL refuses a NUL
# byte in a query outright (a 500 where a 404 belongs).
LOOKUP_KEY = re.compile(r"[-\w]{1,255}")


def is_lookup_key(key: str) -> bool:
    """Return `True` if `key` could be a slug or a public key."""
    return LOOKUP_KEY.fullmatch(key) is not None


def partner_for_key(key: str) -> Partner | None:
    """Return the partner whose slug is `key`, or `None` (unknown or malformed)."""
    return Partner.objects.filter(slug=key).first() if is_lookup_key(key) else None


def campaign_pages() -> QuerySet[CampaignPage]:
    """Return the campaign pages the public may see: live and published."""
    return CampaignPage.objects.live().public().select_related("locale")


def live_translations(key: str) -> list[CampaignPage]:
    """Return every live, public translation of the campaign with public key or
    current slug `key` (none for an unknown or malformed key).
    """
    if not is_lookup_key(key):
        return []
    campaign = Campaign.objects.filter(public_key=key).only("translation_key").first()
    pages = campaign_pages()
    if campaign is not None:
        pages = pages.filter(translation_key=campaign.translation_key)
    else:
        by_slug = pages.filter(slug=key).values_list("translation_key", flat=True)[:1]
        pages = pages.filter(translation_key__in=list(by_slug))
    return list(pages)


def page_in_language(
    candidates: list[CampaignPage], language: str | None = None
) -> CampaignPage | None:
    """Return the translation in `language`, else the default locale's, else any."""
    if not candidates:
        return None
    wanted = [language] if language else []
    # `Locale.get_default()`'s language without its query on every request.
    wanted.append(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    for code in wanted:
        for page in candidates:
            if page.locale.language_code == code:
                return page
    return candidates[0]


def default_pages(keys: Iterable[UUID]) -> dict[UUID, CampaignPage]:
    """Return the page of each translation key in `keys` in the default language
    (else any translation), aliases aside."""
    groups: dict[UUID, list[CampaignPage]] = defaultdict(list)
    pages = CampaignPage.objects.filter(translation_key__in=keys, alias_of__isnull=True)
    for page in pages.select_related("locale"):
        groups[page.translation_key].append(page)
    return {
        key: page
        for key, translations in groups.items()
        if (page := page_in_language(translations)) is not None
    }


def campaign_page_for_key(key: str, language: str | None = None) -> CampaignPage | None:
    """Return the live page for a public key (or current slug), in `language` if any.

    Falls back to the default locale's page, then to any live translation.
    """
    return page_in_language(live_translations(key), language)


def signature_count(campaign: Campaign) -> int:
    """Return the public count, at most `conf.CACHE_LAYER_SECONDS` old (a third of
    `UNDERSIGN_COUNT_STALENESS`: public reads keep their bodies and replies for
    the other two).
    """

    def count() -> int:
        counted = Signature.objects.counted().filter(campaign=campaign).count()
        return counted + campaign.count_offset

    return int(
        cached_once(
            f"undersign:count:{campaign.pk}",
            conf.CACHE_LAYER_SECONDS,
            count,
            # A million rows take ~50 ms to count: never in a reader's request.
            behind=True,
        )
    )


def current_goal(page: CampaignPage, count: int) -> int:
    """Return the goal to show at `count`: the page's goal, or once reached the
    next rising step above `count`; past the last step, the last step stays.
    """
    ladder = [page.goal]
    for step in page.goal_step_numbers():
        # A step at or below the goal (or the step before) is skipped.
        if step > ladder[-1]:
            ladder.append(step)
    return next((goal for goal in ladder if goal > count), ladder[-1])


def unknown_partner_keys(campaign: Campaign) -> list[tuple[str, int]]:
    """Return `(key, signatures)` for partner keys no partner has, most used first."""
    rows = (
        Signature.objects.filter(campaign=campaign, partner__isnull=True)
        .exclude(partner_key="")
        .values("partner_key")
        .annotate(signatures=Count("id"))
        .order_by("-signatures", "partner_key")
    )
    return [(row["partner_key"], row["signatures"]) for row in rows]


def consent_texts(page: CampaignPage) -> list[OfferedConsent]:
    """Return every consent box `page`'s forms offer, exactly as last saved.

    A partner's box shows only on that partner's embed; here all are listed.
    """
    partners = [link.partner for link in page.campaign_partners.all()] or [None]
    found: dict[str, OfferedConsent] = {}
    for partner in partners:
        for consent in offered_consents(page, partner):
            found.setdefault(consent.key, consent)
    return sorted(found.values(), key=lambda consent: CONSENT_BOXES.index(consent.kind))


@dataclass(frozen=True)
class RecordedConsent:
    version: ConsentVersion
    signatures: int


def recorded_consent_versions(page: CampaignPage) -> list[RecordedConsent]:
    """Return the consent-box texts this campaign's signers agreed to, with counts."""
    counts = dict(
        SignatureConsent.objects.filter(
            signature__campaign__translation_key=page.translation_key,
            version__kind__in=CONSENT_BOXES,
        )
        .values_list("version")
        .annotate(signatures=Count("id"))
        .values_list("version", "signatures")
    )
    versions = ConsentVersion.objects.filter(pk__in=counts).order_by(
        "kind", "-created_at"
    )
    return [RecordedConsent(version, counts[version.pk]) for version in versions]


@dataclass(frozen=True)
class RecentSigner:
    first_name: str
    last_initial: str
    signed_at: datetime


def recent_signers(campaign: Campaign, limit: int | None = None) -> list[RecentSigner]:
    """Return the latest counted signers who agreed to be shown, newest first."""
    # Newest first along the counted-rows index, each checked for the display
    # consent: a few rows read, however many signed (a join would read them all).
    shown = SignatureConsent.objects.filter(
        signature=OuterRef("pk"), version__kind=ConsentVersion.Kind.DISPLAY
    )
    rows = (
        Signature.objects.counted()
        .filter(Exists(shown), campaign=campaign, status=Signature.Status.CONFIRMED)
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
