from __future__ import annotations

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaigns.models import CampaignPage

# Creating a campaign through the editor, every tab filled, is proved in
# tests/editor/test_create.py.


class TestWhereCampaignsLive(WagtailPageTestCase):
    def test_campaigns_live_under_the_root_and_have_no_children(self) -> None:
        self.assertAllowedParentPageTypes(CampaignPage, {Page})
        self.assertAllowedSubpageTypes(CampaignPage, set())
