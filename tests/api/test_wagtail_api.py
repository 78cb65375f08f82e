"""Wagtail's API v2 exposes published campaign pages for headless front ends."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from campaigns.models import CampaignPage
from tests.factories import campaign_page

FIELDS = "target,call_to_action,letter,demands,goal,state"


def campaign_pages(api_client):
    return api_client.get(
        "/api/v2/pages/",
        {"type": "undersign_campaigns.CampaignPage", "fields": FIELDS},
    ).json()["items"]


@pytest.fixture
def site_root(db):
    """Wagtail's API lists the pages of the request's site only."""
    return Site.objects.get(is_default_site=True).root_page


def test_published_campaign_exposes_its_fields(api_client, site_root):
    campaign_page(parent=site_root)

    items = campaign_pages(api_client)

    assert len(items) == 1
    assert items[0]["target"] == "Mayor of New York"
    assert items[0]["call_to_action"].startswith("Tell the Mayor")
    assert "Dear Mayor" in items[0]["letter"]
    assert items[0]["goal"] == 1000


def test_draft_campaign_is_not_exposed(api_client, site_root):
    campaign_page(parent=site_root, publish=False, slug="secret-draft")

    assert CampaignPage.objects.filter(slug="secret-draft").exists()
    assert campaign_pages(api_client) == []
