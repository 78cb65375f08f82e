from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from campaigns.dashboard.selectors import (
    campaign_totals,
    daily_counts,
    goal_progress,
    partner_rows,
)
from campaigns.models import Campaign, Signature
from tests.dashboard.signatures import signed
from tests.factories import PartnerFactory, link_partner

NEW_YORK = ZoneInfo("America/New_York")
# A Wednesday morning in the site's time zone.
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=NEW_YORK)


@pytest.fixture
def campaign(page) -> Campaign:
    return Campaign.objects.get(translation_key=page.translation_key)


def test_only_counted_signatures_are_totalled(page, campaign):
    signed(page)
    signed(page, status=Signature.Status.PENDING, confirmed_at=None)
    signed(page, moderation=Signature.Moderation.FLAGGED)
    signed(page, moderation=Signature.Moderation.INVALIDATED)
    signed(page, is_test=True)
    signed(page, status=Signature.Status.WITHDRAWN)
    Campaign.objects.filter(pk=campaign.pk).update(count_offset=40)
    campaign.refresh_from_db()

    totals = campaign_totals(campaign)

    assert totals.counted == 1
    assert totals.total == 41
    assert totals.pending == 1
    assert totals.flagged == 1
    assert totals.invalidated == 1


def test_today_and_this_week_are_days_in_the_site_time_zone(page, campaign):
    signed(page, at=datetime(2026, 11, 25, 0, 30, tzinfo=NEW_YORK))  # today
    # Already Wednesday in UTC, still Tuesday in New York.
    signed(page, at=datetime(2026, 11, 24, 23, 30, tzinfo=NEW_YORK))
    signed(page, at=datetime(2026, 11, 23, 0, 10, tzinfo=NEW_YORK))  # Monday
    signed(page, at=datetime(2026, 11, 22, 23, 50, tzinfo=NEW_YORK))  # Sunday

    totals = campaign_totals(campaign, now=NOW)

    assert totals.today == 1
    assert totals.this_week == 3
    assert totals.week_start == date(2026, 11, 23)
    assert totals.total == 4


def test_daily_counts_group_by_site_day_and_fill_empty_days(page, campaign):
    Campaign.objects.filter(pk=campaign.pk).update(
        created_at=datetime(2026, 11, 1, tzinfo=NEW_YORK)
    )
    campaign.refresh_from_db()
    signed(page, at=datetime(2026, 11, 24, 23, 30, tzinfo=NEW_YORK))
    signed(page, at=datetime(2026, 11, 24, 1, 0, tzinfo=NEW_YORK))
    signed(page, at=datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK))
    signed(page, at=datetime(2026, 11, 2, 9, 0, tzinfo=NEW_YORK))
    signed(page, at=datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK), is_test=True)

    days = {day.day: day for day in daily_counts(campaign, now=NOW)}

    assert min(days) == date(2026, 11, 1)
    assert max(days) == date(2026, 11, 25)
    assert len(days) == 25
    assert days[date(2026, 11, 24)].count == 2
    assert days[date(2026, 11, 25)].count == 1
    assert days[date(2026, 11, 10)].count == 0
    assert days[date(2026, 11, 25)].cumulative == 4


def test_chart_window_starts_before_older_signatures_are_summed_in(page, campaign):
    signed(page, at=datetime(2025, 1, 5, 12, 0, tzinfo=NEW_YORK))
    signed(page, at=datetime(2026, 11, 25, 9, 0, tzinfo=NEW_YORK))
    Campaign.objects.filter(pk=campaign.pk).update(
        created_at=datetime(2025, 1, 1, tzinfo=NEW_YORK)
    )
    campaign.refresh_from_db()

    days = daily_counts(campaign, now=NOW)

    assert len(days) == 90
    assert days[0].cumulative == 1
    assert days[-1].cumulative == 2


def test_per_partner_counts_and_opt_in_rate(page, campaign, partner):
    quiet = PartnerFactory(name="Quiet Partner", slug="quiet")
    link_partner(page, quiet)
    signed(page, partner)
    signed(page, partner, consent=False)
    signed(page, partner, consent=False)
    signed(page, partner, consent=True, status=Signature.Status.PENDING)
    signed(page)
    signed(page, partner_key="typo-partner")
    signed(page, partner_key="typo-partner")

    rows, no_partner, unknown = partner_rows(campaign)

    by_name = {row.partner.name: row for row in rows}
    assert by_name["Make the Road"].counted == 3
    assert by_name["Make the Road"].opted_in == 1
    assert by_name["Make the Road"].opt_in_percent == 33
    assert by_name["Quiet Partner"].counted == 0
    assert by_name["Quiet Partner"].opt_in_percent is None
    assert no_partner == 1
    assert unknown == 2


def test_a_consent_to_another_partner_is_not_an_opt_in(page, campaign, partner):
    other = PartnerFactory(name="Other", slug="other")
    link_partner(page, other)
    signature = signed(page, other)
    Signature.objects.filter(pk=signature.pk).update(partner=partner)

    rows, _, _ = partner_rows(campaign)

    row = next(row for row in rows if row.partner == partner)
    assert (row.counted, row.opted_in) == (1, 0)


def test_goal_progress_follows_the_rising_goal(page):
    page.goal = 4
    page.goal_steps = "10, 20"

    progress = goal_progress(page, 5)

    assert (progress.goal, progress.current, progress.steps) == (4, 10, [10, 20])
    assert progress.percent == 50
    assert goal_progress(page, 500).percent == 100
