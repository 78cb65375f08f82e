"""The rising goal: one selector, shown on the hosted page, the API and the widget."""

from __future__ import annotations

import pytest

from campaigns.models import CampaignPage
from campaigns.selectors import current_goal
from campaigns.services import campaign_identity
from tests.pages.conftest import serve_as_home


@pytest.mark.parametrize(
    ("goal", "steps", "count", "shown"),
    [
        (1000, "", 0, 1000),
        (1000, "", 5000, 1000),  # no steps: the goal stays, however far passed
        (1000, "5000, 10000", 999, 1000),
        (1000, "5000, 10000", 1000, 5000),  # reached: the next step
        (1000, "5000, 10000", 4999, 5000),
        (1000, "5000, 10000", 5000, 10000),
        (1000, "5000, 10000", 7500, 10000),
        (1000, "5000, 10000", 10000, 10000),  # the last step stays once reached
        (1000, "5000, 10000", 25000, 10000),
        (1000, "500, 2000", 1200, 2000),  # a step below the goal is skipped
        (1000, " 2000 ,, 3000 ", 2500, 3000),  # loose spacing and empty parts
    ],
)
def test_current_goal_rises_to_the_next_step_above_the_count(
    db, goal, steps, count, shown
):
    # A new Page looks up the default locale unless an earlier test cached it.
    page = CampaignPage(goal=goal, goal_steps=steps)

    assert current_goal(page, count) == shown


@pytest.fixture
def past_goal(page) -> CampaignPage:
    """The shared campaign (goal 1000) with 1200 counted and steps 5000, 10000."""
    page.goal_steps = "5000, 10000"
    page.save_revision().publish()
    campaign = campaign_identity(page)
    campaign.count_offset = 1200
    campaign.save()
    page.refresh_from_db()
    return serve_as_home(page)


def test_the_hosted_page_shows_the_risen_goal(client, past_goal):
    html = client.get(past_goal.get_url()).content.decode()

    assert '<progress max="5000" value="1200"' in html
    assert "Goal: 5,000" in html


def test_the_hosted_page_shows_the_goal_before_it_is_reached(client, page):
    serve_as_home(page)

    html = client.get(page.get_url()).content.decode()

    assert '<progress max="1000" value="0"' in html


def test_the_api_detail_list_and_stats_give_the_risen_goal(api_client, past_goal):
    key = past_goal.slug

    detail = api_client.get(f"/api/v1/campaigns/{key}/").json()
    listed = api_client.get("/api/v1/campaigns/").json()
    stats = api_client.get(f"/api/v1/campaigns/{key}/stats/").json()

    assert (detail["count"], detail["goal"]) == (1200, 5000)
    assert [(row["count"], row["goal"]) for row in listed] == [(1200, 5000)]
    assert (stats["count"], stats["goal"]) == (1200, 5000)


def test_the_widget_panel_shows_the_risen_goal(client, api_client, past_goal):
    embed = client.get(f"/embed/{past_goal.slug}/").content.decode()
    fragment = api_client.get(f"/api/v1/campaigns/{past_goal.slug}/embed/").json()

    for html in (embed, fragment["html"]):
        assert 'data-goal="5000"' in html
        assert '<progress data-us-progress value="1200" max="5000"' in html
        assert "of 5,000 signatures" in html
    assert fragment["goal"] == 5000
