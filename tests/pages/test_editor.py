from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from campaigns.models import Campaign, CampaignPage


class TestEditorsCanBuildACampaign(WagtailPageTestCase):
    def setUp(self) -> None:
        user = get_user_model().objects.create_superuser("editor")
        self.client.force_login(user)

    def test_editor_can_create_a_campaign_under_the_root(self) -> None:
        root = Page.get_first_root_node()
        data = nested_form_data(
            {
                "title": "Fund the libraries",
                "slug": "fund-the-libraries",
                "kicker": "Take action",
                "call_to_action": "Tell the Council to fund the libraries",
                "target": "City Council",
                "organizer_name": "Friends of the Library",
                "background": streamfield(
                    [("paragraph", rich_text("<p>Branches are closing.</p>"))]
                ),
                "letter": rich_text("<p>Dear Council members,</p>"),
                "demands": streamfield([("demand", "Restore seven-day service.")]),
                "first_name_rule": "required",
                "last_name_rule": "required",
                "postal_code_rule": "optional",
                "phone_rule": "off",
                "address_rule": "off",
                "country_rule": "off",
                "comment_rule": "off",
                "questions": inline_formset([]),
                "campaign_partners": inline_formset([]),
                "goal": 2000,
                "state": "open",
                "show_recent_signers": "on",
                "keep_data_until": "2031-03-09",
            }
        )

        self.assertCanCreate(root, CampaignPage, data)

        page = CampaignPage.objects.get(slug="fund-the-libraries")
        assert Campaign.objects.filter(translation_key=page.translation_key).exists()

    def test_campaigns_live_under_the_root_and_have_no_children(self) -> None:
        self.assertAllowedParentPageTypes(CampaignPage, {Page})
        self.assertAllowedSubpageTypes(CampaignPage, set())
