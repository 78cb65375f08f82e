"""The admin home lists the user's campaigns, and only theirs."""

from __future__ import annotations

from django.urls import reverse

from tests.dashboard.signatures import signed


def test_home_lists_the_campaigns_a_user_may_see(signer_viewer, page, other_page):
    signed(page)

    html = signer_viewer.get(reverse("wagtailadmin_home")).content.decode()

    assert "data-undersign-home" in html
    assert reverse("undersign_dashboard", args=[page.pk]) in html
    assert reverse("undersign_dashboard", args=[other_page.pk]) not in html
    assert "Fund the libraries" not in html


def test_home_shows_no_campaign_panel_to_someone_without_campaigns(nobody, page):
    html = nobody.get(reverse("wagtailadmin_home")).content.decode()

    assert "data-undersign-home" not in html
    assert page.title not in html


def test_home_shows_count_today_and_goal(editor, page):
    signed(page)
    signed(page)

    html = editor.get(reverse("wagtailadmin_home")).content.decode()

    row = html[html.index("data-undersign-home") :]
    assert "<td>2</td>" in row
    assert "0% of 1000" in row or "0%" in row
