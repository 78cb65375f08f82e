"""Reads for partners: who consented to them, and their counts per campaign."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest

from campaigns.models import (
    Campaign,
    CampaignPage,
    CampaignPartner,
    ConsentVersion,
    Partner,
    Signature,
    SignatureConsent,
)
from campaigns.selectors import campaign_pages, default_pages, page_in_language

# A partner hears of a signer who counts or may still count, never of one who
# withdrew, expired, was anonymized, is under moderation, or was a test.
LIVE_STATUSES = (Signature.Status.PENDING, Signature.Status.CONFIRMED)


def _partner_consents(partner: Partner) -> QuerySet[SignatureConsent]:
    return SignatureConsent.objects.filter(
        version__kind=ConsentVersion.Kind.PARTNER, version__partner=partner
    )


def consenting_signatures(
    partner: Partner,
    *,
    campaign: Campaign | None = None,
    since: datetime | None = None,
) -> QuerySet[Signature]:
    """Return the signatures whose signers agreed to hear from `partner`, and no other.

    Each carries `partner_consents`: the consent rows (with their text version)
    that make it `partner`'s.
    """
    consents = _partner_consents(partner)
    signatures = Signature.objects.filter(
        Exists(consents.filter(signature=OuterRef("pk"))),
        status__in=LIVE_STATUSES,
        moderation=Signature.Moderation.OK,
        is_test=False,
        withdrawn_at__isnull=True,
    )
    if campaign is not None:
        signatures = signatures.filter(campaign=campaign)
    if since is not None:
        signatures = signatures.filter(created_at__gte=since)
    return signatures.select_related("campaign").prefetch_related(
        Prefetch(
            "consents",
            queryset=consents.select_related("version").order_by("pk"),
            to_attr="partner_consents",
        )
    )


def listed_signatures(
    partner: Partner, *, campaign: Campaign | None = None
) -> QuerySet[Signature]:
    """Return what the partner API lists: `partner`'s consenting signatures that
    count (confirmed), oldest first, so pages stay put while new ones arrive.
    """
    return (
        consenting_signatures(partner, campaign=campaign)
        .filter(status=Signature.Status.CONFIRMED, confirmed_at__isnull=False)
        .order_by("confirmed_at", "pk")
    )


@dataclass(frozen=True)
class PartnerPetition:
    """One of a partner's campaigns, in the language asked (else the default)."""

    campaign: Campaign
    page: CampaignPage
    modified_at: datetime
    browser_url: str


def partner_petitions(
    partner: Partner, request: HttpRequest | None, language: str | None = None
) -> list[PartnerPetition]:
    """Return the live campaigns `partner` is a partner of, or has consenting
    signers on, oldest first.
    """
    linked = CampaignPartner.objects.filter(partner=partner).values(
        "page__translation_key"
    )
    consented = _partner_consents(partner).values("signature__campaign")
    campaigns = Campaign.objects.filter(
        Q(translation_key__in=linked) | Q(pk__in=consented)
    ).order_by("created_at", "pk")
    by_key = {campaign.translation_key: campaign for campaign in campaigns}
    pages = campaign_pages().filter(translation_key__in=by_key)
    groups: dict[Any, list[CampaignPage]] = {}
    for translation in pages:
        groups.setdefault(translation.translation_key, []).append(translation)
    petitions = []
    for key, campaign in by_key.items():
        page = page_in_language(groups.get(key, []), language)
        if page is None:
            continue
        published = [p.last_published_at for p in groups[key] if p.last_published_at]
        petitions.append(
            PartnerPetition(
                campaign=campaign,
                page=page,
                modified_at=max(published, default=campaign.created_at),
                browser_url=page.get_full_url(request) or "",
            )
        )
    return petitions


def campaign_titles(campaign_ids: set[int]) -> dict[int, str]:
    """Return each campaign's title, from its default-locale page when it has one."""
    campaigns = Campaign.objects.filter(pk__in=campaign_ids)
    by_key = {campaign.translation_key: campaign.pk for campaign in campaigns}
    pages = default_pages(by_key)
    return {by_key[key]: page.title for key, page in pages.items()}


@dataclass(frozen=True)
class CampaignCounts:
    campaign: Campaign
    title: str
    consented: int
    credited: int


def partner_campaign_counts(partner: Partner) -> list[CampaignCounts]:
    """Return, per campaign, `partner`'s consenting signers and counted signatures."""
    consented = dict(
        consenting_signatures(partner)
        .order_by()
        .values_list("campaign")
        .annotate(n=Count("pk"))
    )
    credited = dict(
        Signature.objects.counted()
        .filter(partner=partner)
        .order_by()
        .values_list("campaign")
        .annotate(n=Count("pk"))
    )
    ids = set(consented) | set(credited)
    titles = campaign_titles(ids)
    return [
        CampaignCounts(
            campaign=campaign,
            title=titles.get(campaign.pk, campaign.public_key),
            consented=consented.get(campaign.pk, 0),
            credited=credited.get(campaign.pk, 0),
        )
        for campaign in Campaign.objects.filter(pk__in=ids).order_by("public_key")
    ]
