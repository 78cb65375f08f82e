"""The list of live campaigns: one entry per campaign, in the asked language."""

from __future__ import annotations

from tests.factories import campaign_page


def test_list_has_one_entry_per_campaign_not_per_translation(api_client, spanish_page):
    entries = api_client.get("/api/v1/campaigns/", {"lang": "es"}).json()

    assert len(entries) == 1
    assert entries[0]["key"] == "stop-the-detentions"
    assert entries[0]["title"] == "Paren las detenciones"


def test_list_shows_live_campaigns_only(api_client, page):
    campaign_page(publish=False, slug="still-a-draft")

    keys = [e["key"] for e in api_client.get("/api/v1/campaigns/").json()]

    assert keys == ["stop-the-detentions"]


def test_list_entry_carries_count_goal_and_state(api_client, page, sign):
    sign(page.slug, {"email": "a@example.org", "first_name": "A", "last_name": "B"})

    entry = api_client.get("/api/v1/campaigns/").json()[0]

    assert entry["count"] == 1
    assert entry["goal"] == 1000
    assert entry["state"] == "open"
    assert entry["target"] == "Mayor of New York"
