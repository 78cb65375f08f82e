"""The dashboard as an organizer sees it: counts, chart, partners, no signer."""

from __future__ import annotations

import re
from datetime import date

from django.urls import reverse

from campaigns.dashboard.chart import bar_chart
from campaigns.dashboard.selectors import Day
from tests.dashboard.signatures import signed


def test_the_chart_labels_the_last_day_with_its_count():
    days = [Day(day=date(2026, 1, n), count=n, cumulative=0) for n in range(1, 8)]

    chart = bar_chart(days)

    assert chart.scale_max == 10
    assert chart.last.day.count == 7
    assert chart.last.height > chart.bars[0].height
    assert chart.bars[0].x < chart.last.x


def test_the_dashboard_shows_totals_chart_and_partners(superuser, page, partner):
    for _ in range(3):
        signed(page, partner)
    signed(page, partner_key="typo-partner")

    html = superuser.get(
        reverse("undersign_dashboard", args=[page.pk])
    ).content.decode()

    assert re.search(r"data-total>4<", html)
    assert re.search(r"data-today>4<", html)
    assert '<title id="us-chart-title">' in html
    assert 'aria-labelledby="us-chart-title us-chart-desc"' in html
    assert re.search(r"data-last-count>4<", html)
    assert "Make the Road" in html
    assert "3 (100%)" in html
    assert "<code>typo-partner</code>: 1" in html


def test_the_dashboard_names_no_signer(superuser, page):
    signed(page)

    html = superuser.get(
        reverse("undersign_dashboard", args=[page.pk])
    ).content.decode()

    assert "Díaz" not in html
    assert "@example.org" not in html


def test_an_unknown_partner_key_is_escaped(superuser, page):
    signed(page, partner_key="<b>x</b>")

    html = superuser.get(
        reverse("undersign_dashboard", args=[page.pk])
    ).content.decode()

    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_the_campaign_page_header_links_to_its_dashboard(
    superuser, signer_viewer, page
):
    url = reverse("undersign_dashboard", args=[page.pk])

    editor_view = superuser.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    listing = superuser.get(
        reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    )

    assert url in editor_view.content.decode()
    assert url in listing.content.decode()


def test_the_plugins_admin_pages_have_a_window_title(superuser, page):
    pages = {
        reverse("undersign_dashboard", args=[page.pk]): f"Dashboard: {page.title}",
        reverse("undersign_erase_signer"): "Erase a signer",
        reverse("undersign_new_campaign"): "New campaign",
    }
    for url, title in pages.items():
        html = superuser.get(url).content.decode()
        found = re.search(r"<title>(.*?)</title>", html, re.S)
        assert found is not None
        assert found[1].split(" - ")[0].strip() == title, url
