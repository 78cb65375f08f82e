from __future__ import annotations

import pytest
from wagtail.models import Page

from campaigns.models import CampaignIndexPage, CampaignPage

# Creating a campaign through the editor, every tab filled, is proved in
# tests/editor/test_create.py.


@pytest.fixture
def home(wagtail_tree) -> Page:
    """The site's home page: a plain page, as a host's own page types are."""
    return wagtail_tree.get_children().get()


def test_campaigns_go_under_any_ordinary_page_and_a_campaigns_section(home):
    section = home.add_child(instance=CampaignIndexPage(title="Campaigns"))
    about = home.add_child(instance=Page(title="About us"))

    for parent in (home, section, about):
        assert CampaignPage.can_create_at(parent)
        assert CampaignIndexPage.can_create_at(parent) is (parent != section)


def test_nothing_goes_at_the_tree_root_outside_every_site(wagtail_tree):
    assert not CampaignPage.can_create_at(wagtail_tree)
    assert not CampaignIndexPage.can_create_at(wagtail_tree)


def test_campaigns_have_no_children(home):
    campaign = CampaignPage(title="x")
    assert CampaignPage.allowed_subpage_models() == []
    assert not Page.can_create_at(campaign)
