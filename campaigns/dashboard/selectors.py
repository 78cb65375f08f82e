"""Aggregates for the dashboard: one GROUP BY per question, never a loop over rows.

Days are days in the site's time zone (`TIME_ZONE`), whoever looks; a week starts
on Monday (ISO 8601). A signature belongs to the day it was signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from campaigns.models import (
    Campaign,
    CampaignPage,
    CampaignPartner,
    ConsentVersion,
    Partner,
    Signature,
    SignatureConsent,
)
from campaigns.selectors import current_goal, default_pages

CHART_DAYS = 90
MIN_CHART_DAYS = 14


def _day_start(day: date) -> datetime:
    return timezone.make_aware(
        datetime.combine(day, time.min), timezone.get_default_timezone()
    )


def site_today(now: datetime | None = None) -> date:
    """Return today's date in the site's time zone."""
    return timezone.localdate(now, timezone.get_default_timezone())


@dataclass(frozen=True)
class Totals:
    total: int
    counted: int
    offset: int
    today: int
    this_week: int
    week_start: date
    pending: int
    flagged: int
    invalidated: int


def campaign_totals(campaign: Campaign, now: datetime | None = None) -> Totals:
    """Return counted signatures (all, today, this week) and those not counted."""
    today = site_today(now)
    week_start = today - timedelta(days=today.weekday())
    counted = (
        Signature.objects.counted()
        .filter(campaign=campaign)
        .aggregate(
            all=Count("pk"),
            today=Count("pk", filter=Q(created_at__gte=_day_start(today))),
            week=Count("pk", filter=Q(created_at__gte=_day_start(week_start))),
        )
    )
    moderation = Signature.Moderation
    others = Signature.objects.filter(campaign=campaign, is_test=False).aggregate(
        pending=Count(
            "pk",
            filter=Q(status=Signature.Status.PENDING, moderation=moderation.OK),
        ),
        flagged=Count("pk", filter=Q(moderation=moderation.FLAGGED)),
        invalidated=Count("pk", filter=Q(moderation=moderation.INVALIDATED)),
    )
    return Totals(
        total=counted["all"] + campaign.count_offset,
        counted=counted["all"],
        offset=campaign.count_offset,
        today=counted["today"],
        this_week=counted["week"],
        week_start=week_start,
        **others,
    )


@dataclass(frozen=True)
class GoalProgress:
    goal: int
    current: int
    steps: list[int]
    percent: int


def goal_progress(page: CampaignPage, total: int) -> GoalProgress:
    """Return the configured goal and steps, and progress to the goal shown now."""
    current = current_goal(page, total)
    steps = page.goal_step_numbers()
    percent = min(100, total * 100 // current) if current else 100
    return GoalProgress(goal=page.goal, current=current, steps=steps, percent=percent)


@dataclass(frozen=True)
class Day:
    day: date
    count: int
    cumulative: int


def daily_counts(campaign: Campaign, now: datetime | None = None) -> list[Day]:
    """Return counted signatures per day for the chart, zero days included.

    Covers the campaign's life up to `CHART_DAYS` days, at least `MIN_CHART_DAYS`;
    `cumulative` includes every counted signature before the window too.
    """
    today = site_today(now)
    created = timezone.localtime(campaign.created_at, timezone.get_default_timezone())
    first = max(created.date(), today - timedelta(days=CHART_DAYS - 1))
    first = min(first, today - timedelta(days=MIN_CHART_DAYS - 1))
    counted = Signature.objects.counted().filter(campaign=campaign)
    running = counted.filter(created_at__lt=_day_start(first)).count()
    per_day = dict(
        counted.filter(created_at__gte=_day_start(first))
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_default_timezone()))
        .order_by()
        .values_list("day")
        .annotate(n=Count("pk"))
    )
    days = []
    for offset in range((today - first).days + 1):
        day = first + timedelta(days=offset)
        running += per_day.get(day, 0)
        days.append(Day(day=day, count=per_day.get(day, 0), cumulative=running))
    return days


@dataclass(frozen=True)
class PartnerRow:
    partner: Partner | None
    counted: int
    opted_in: int

    @property
    def opt_in_percent(self) -> int | None:
        """Return the share of counted signers who agreed to hear from the partner."""
        if self.partner is None or not self.counted:
            return None
        return round(self.opted_in * 100 / self.counted)


def partner_rows(campaign: Campaign) -> tuple[list[PartnerRow], int, int]:
    """Return a row per partner (linked ones with none too) and the counted
    signatures that came with no partner key and with an unknown one."""
    agreed = SignatureConsent.objects.filter(
        signature=OuterRef("pk"),
        version__kind=ConsentVersion.Kind.PARTNER,
        version__partner=OuterRef("partner"),
    )
    grouped = (
        Signature.objects.counted()
        .filter(campaign=campaign)
        .order_by()
        .values("partner")
        .annotate(
            n=Count("pk"),
            opted=Count("pk", filter=Q(Exists(agreed))),
            keyed=Count("pk", filter=~Q(partner_key="")),
        )
    )
    by_partner = {row["partner"]: row for row in grouped}
    unlinked = by_partner.pop(None, {"n": 0, "keyed": 0})
    linked = CampaignPartner.objects.filter(
        page__translation_key=campaign.translation_key
    ).values_list("partner", flat=True)
    partners = Partner.objects.filter(Q(pk__in=by_partner) | Q(pk__in=linked))
    rows = [
        PartnerRow(
            partner=partner,
            counted=by_partner.get(partner.pk, {}).get("n", 0),
            opted_in=by_partner.get(partner.pk, {}).get("opted", 0),
        )
        for partner in partners
    ]
    rows.sort(key=lambda row: (-row.counted, str(row.partner)))
    return rows, unlinked["n"] - unlinked["keyed"], unlinked["keyed"]


@dataclass(frozen=True)
class Summary:
    page: CampaignPage
    total: int
    today: int
    goal: GoalProgress


def campaign_summaries(
    campaigns: QuerySet[Campaign], limit: int
) -> tuple[list[Summary], bool]:
    """Return the newest `limit` of `campaigns` with their totals, today and goal,
    each by its page in the default language (or any translation), and whether
    there are more campaigns than `limit`."""
    newest = list(campaigns.order_by("-created_at")[: limit + 1])
    chosen = {c.translation_key: c for c in newest[:limit]}
    start = _day_start(site_today())
    counts = {
        row["campaign"]: row
        for row in Signature.objects.counted()
        .filter(campaign__in=chosen.values())
        .order_by()
        .values("campaign")
        .annotate(n=Count("pk"), today=Count("pk", filter=Q(created_at__gte=start)))
    }
    pages = default_pages(chosen)
    summaries = []
    for key, campaign in chosen.items():
        if key not in pages:
            continue
        row = counts.get(campaign.pk, {"n": 0, "today": 0})
        total = row["n"] + campaign.count_offset
        summaries.append(
            Summary(
                page=pages[key],
                total=total,
                today=row["today"],
                goal=goal_progress(pages[key], total),
            )
        )
    return summaries, len(newest) > limit
