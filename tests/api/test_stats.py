"""Stats: the count, the goal, and only the recent signers who agreed to be shown."""

from __future__ import annotations

from tests.api.conftest import VALID


def stats(api_client, key):
    return api_client.get(f"/api/v1/campaigns/{key}/stats/")


def test_stats_count_signatures_and_give_the_goal(api_client, sign, page):
    sign(page.slug, VALID)
    sign(page.slug, {**VALID, "email": "bo@example.org"})

    data = stats(api_client, page.slug).json()

    assert data["count"] == 2
    assert data["goal"] == 1000


def test_recent_signers_list_only_those_who_consented(api_client, sign, page):
    sign(page.slug, {**VALID, "consents": ["display"]})
    sign(page.slug, {"email": "b@example.org", "first_name": "Bo", "last_name": "Li"})

    recent = stats(api_client, page.slug).json()["recent_signers"]

    assert [(r["first_name"], r["last_initial"]) for r in recent] == [("Ana", "D")]
    assert set(recent[0]) == {"first_name", "last_initial", "signed_at"}


def test_no_recent_signers_where_the_campaign_hides_them(api_client, sign, page):
    sign(page.slug, {**VALID, "consents": ["display"]})
    page.show_recent_signers = False
    page.save_revision().publish()

    assert stats(api_client, page.slug).json()["recent_signers"] == []


def test_stats_of_unknown_campaign_is_a_404(api_client, db):
    assert stats(api_client, "nope").status_code == 404
