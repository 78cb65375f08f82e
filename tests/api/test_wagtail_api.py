"""Wagtail's API v2 exposes published campaign pages for headless front ends."""

from __future__ import annotations

import pytest
from wagtail.models import Site
from wagtail.rich_text import RichText

from campaigns.models import CampaignPage
from campaigns.services import campaign_identity
from campaigns.signing import SignatureInput, signature_create
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


def test_rich_text_is_expanded_and_sanitized_with_the_key_and_count(
    api_client, site_root
):
    other = campaign_page(parent=site_root, slug="other-campaign", title="Other")
    page = campaign_page(parent=site_root)
    page.letter = (
        f'<p>Dear Mayor, see <a linktype="page" id="{other.pk}">this</a>.</p>'
        '<script>alert(1)</script><img src="x" onerror="alert(2)">'
    )
    why = RichText('<p onclick="alert(3)">Why <b>now</b></p>')
    page.background = [("paragraph", why)]
    page.save_revision().publish()
    data = SignatureInput(email="ana@example.org", first_name="Ana", last_name="D")
    signature_create(page=page, data=data)

    (item,) = api_client.get(
        "/api/v2/pages/",
        {
            "type": "undersign_campaigns.CampaignPage",
            "fields": "key,count,letter,background",
            "slug": page.slug,
        },
    ).json()["items"]

    assert item["key"] == campaign_identity(page).public_key
    assert item["count"] == 1
    assert f'href="{other.url}"' in item["letter"]
    assert "linktype" not in item["letter"]
    for html in (item["letter"], item["background"]):
        assert "<script" not in html
        assert "onerror" not in html
        assert "onclick" not in html
    assert "<b>now</b>" in item["background"]
