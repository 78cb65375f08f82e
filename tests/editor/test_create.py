"""An organizer builds a whole campaign through the real editor, every tab filled."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from campaigns.models import Campaign, CampaignPage
from tests.factories import PartnerFactory


def campaign_form(partner_id: int, **overrides: Any) -> dict[str, Any]:
    """Return the editor's POST data with every tab filled."""
    fields: dict[str, Any] = {
        # Content
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
        # Form
        "first_name_rule": "required",
        "last_name_rule": "required",
        "postal_code_rule": "required",
        "phone_rule": "optional",
        "address_rule": "off",
        "country_rule": "off",
        "comment_rule": "optional",
        "questions": inline_formset(
            [
                {
                    "key": "branch",
                    "label": "Your branch",
                    "kind": "choice",
                    "choices": "Central\nEastside",
                    "required": "on",
                }
            ]
        ),
        "organizer_consent_label": "Keep me posted about the libraries",
        # Partners
        "campaign_partners": inline_formset(
            [
                {
                    "partner": partner_id,
                    "consent_label": "Allow Readers United to contact me",
                }
            ]
        ),
        "open_to_all_sites": "on",
        # Sharing and thank-you
        "thank_you_message": "Thank you! Now tell a friend.",
        "share_text": "I signed to keep our libraries open",
        "redirect_url": "",
        # Settings
        "goal": 2000,
        "goal_steps": "5000, 10000",
        "opens_at": "",
        "closes_at": "2031-01-01 00:00",
        "state": "open",
        "outcome_note": "",
        "double_opt_in": "on",
        "show_recent_signers": "on",
        "keep_data_until": "2031-03-09",
        "names_to_target": "on",
    }
    fields.update(overrides)
    return nested_form_data(fields)


class TestOrganizersBuildACampaignInTheEditor(WagtailPageTestCase):
    def setUp(self) -> None:
        self.client.force_login(get_user_model().objects.create_superuser("organizer"))
        self.partner = PartnerFactory(name="Readers United", slug="readers-united")
        # The site's home page, as a host's own page: campaigns go under it.
        self.root = Site.objects.get(is_default_site=True).root_page

    def test_a_campaign_with_every_tab_filled_is_created(self) -> None:
        self.assertCanCreate(self.root, CampaignPage, campaign_form(self.partner.pk))

        page = CampaignPage.objects.get(slug="fund-the-libraries")
        question = page.questions.get()
        link = page.campaign_partners.get()
        assert (question.key, question.choice_list()) == (
            "branch",
            ["Central", "Eastside"],
        )
        assert (link.partner, link.consent_label) == (
            self.partner,
            "Allow Readers United to contact me",
        )
        assert page.goal_steps == "5000, 10000"
        assert page.double_opt_in and page.open_to_all_sites and page.names_to_target
        assert page.share_text == "I signed to keep our libraries open"
        assert Campaign.objects.filter(translation_key=page.translation_key).exists()

    def test_a_partner_linked_without_a_label_gets_the_default_label(self) -> None:
        form = campaign_form(self.partner.pk)
        form["campaign_partners-0-consent_label"] = ""

        self.assertCanCreate(self.root, CampaignPage, form)

        link = CampaignPage.objects.get(slug="fund-the-libraries").campaign_partners
        assert link.get().consent_label == "Allow Readers United to contact me"

    def test_a_draft_saved_without_a_label_publishes_with_the_default(self) -> None:
        # Wagtail's autosave and "Save draft" keep the row as the editor left it.
        form = campaign_form(self.partner.pk)
        form["campaign_partners-0-consent_label"] = ""
        add = reverse(
            "wagtailadmin_pages:add",
            args=["undersign_campaigns", "campaignpage", self.root.pk],
        )
        self.client.post(add, form)
        page = CampaignPage.objects.get(slug="fund-the-libraries")
        assert not page.live

        draft = page.get_latest_revision_as_object()
        assert [link.consent_label for link in draft.campaign_partners.all()] == [
            "Allow Readers United to contact me"
        ]
        # Publishing as the editor would, the rows now carrying their ids.
        question, link = page.questions.get(), page.campaign_partners.get()
        for prefix, row in (("questions", question), ("campaign_partners", link)):
            form[f"{prefix}-INITIAL_FORMS"] = "1"
            form[f"{prefix}-0-id"] = str(row.pk)
        form["campaign_partners-0-consent_label"] = ""
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        published = self.client.post(edit, {**form, "action-publish": "publish"})

        assert published.status_code == 302
        page.refresh_from_db()
        assert page.live

    def test_goal_steps_that_do_not_rise_are_refused_by_the_editor(self) -> None:
        url = reverse(
            "wagtailadmin_pages:add",
            args=["undersign_campaigns", "campaignpage", self.root.pk],
        )

        response = self.client.post(
            url, campaign_form(self.partner.pk, goal_steps="5000, 3000")
        )

        assert response.status_code == 200
        assert "Each step must be larger than the one before." in (
            response.content.decode()
        )
        assert not CampaignPage.objects.filter(slug="fund-the-libraries").exists()

    def test_the_new_campaign_editor_explains_the_embed_tab_waits_for_a_save(
        self,
    ) -> None:
        url = reverse(
            "wagtailadmin_pages:add",
            args=["undersign_campaigns", "campaignpage", self.root.pk],
        )

        response = self.client.get(url)

        assert response.status_code == 200
        assert "Save the campaign first" in response.content.decode()
