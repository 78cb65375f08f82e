"""The campaign editor's tabs, following the organizer's work.

Extension point: other apps add tabs to the editor without `campaigns` importing
them. Register a function under the Wagtail hook `EDITOR_PANELS_HOOK`
(`undersign_campaign_editor_panels`) that returns a `Panel`, usually an
`ObjectList` with a heading; it is appended after the built-in tabs, in hook order,
when Wagtail first builds the editor.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    PublishingPanel,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.models import Page

EDITOR_PANELS_HOOK = "undersign_campaign_editor_panels"


def contributed_panels() -> list[Panel]:
    """Return the panels other apps registered under `EDITOR_PANELS_HOOK`."""
    return [contribute() for contribute in hooks.get_hooks(EDITOR_PANELS_HOOK)]


class CampaignEditorTabs(TabbedInterface):
    """The editor's tabs plus those contributed through `EDITOR_PANELS_HOOK`."""

    children: list[Panel]

    def on_model_bound(self) -> None:
        # Hooks are read at bind time (the first request), when every app's
        # wagtail_hooks can be imported; the model module cannot import them.
        self.children = [*self.children, *contributed_panels()]
        super().on_model_bound()


class ConsentTextsPanel(Panel):
    """Read-only: the exact consent texts as last saved, and the versions recorded."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "undersign/admin/panels/consent_texts.html"

        def get_context_data(
            self, parent_context: dict[str, Any] | None = None
        ) -> dict[str, Any]:
            from campaigns.selectors import consent_texts, recorded_consent_versions

            context = super().get_context_data(parent_context)
            page = self.instance
            context["texts"] = consent_texts(page)
            context["recorded"] = (
                recorded_consent_versions(page) if page.pk is not None else []
            )
            return context


class ConsentDefaultPanel(Panel):
    """Fills a partner row's empty consent label as soon as a partner is chosen,
    with the default the form would save, in the page's language."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "undersign/admin/panels/consent_default.html"

        @property
        def media(self) -> forms.Media:
            return forms.Media(js=["undersign/admin/consent_default.js"])

        def get_context_data(
            self, parent_context: dict[str, Any] | None = None
        ) -> dict[str, Any]:
            from campaigns.models.page import consent_label_pattern

            context = super().get_context_data(parent_context)
            locale = self.instance.locale if self.instance.locale_id else None
            language = locale.language_code if locale else get_language()
            context["pattern"] = consent_label_pattern(language)
            return context


class SchedulePanel(PublishingPanel):
    """Wagtail's scheduled publishing, with help text on both times."""

    def on_model_bound(self) -> None:
        super().on_model_bound()
        help_texts = {
            "go_live_at": _("Optional: the page is published at this time."),
            "expire_at": _("Optional: the page is unpublished at this time."),
        }
        for child in self.children:
            child.help_text = help_texts.get(child.field_name, child.help_text)


def campaign_edit_handler() -> TabbedInterface:
    """Return the campaign editor: content, form, partners, sharing, settings."""
    content = [
        TitleFieldPanel("title"),
        FieldPanel("kicker"),
        FieldPanel("call_to_action"),
        FieldPanel("target"),
        FieldPanel("organizer_name"),
        FieldPanel("background"),
        FieldPanel("letter"),
        FieldPanel("demands"),
    ]
    form = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("first_name_rule"), FieldPanel("last_name_rule")]
                ),
                FieldRowPanel(
                    [FieldPanel("postal_code_rule"), FieldPanel("phone_rule")]
                ),
                FieldRowPanel([FieldPanel("address_rule"), FieldPanel("country_rule")]),
                FieldPanel("comment_rule"),
            ],
            heading=_("Fields (email is always asked)"),
        ),
        InlinePanel("questions", heading=_("Custom questions"), label=_("Question")),
        MultiFieldPanel(
            [FieldPanel("organizer_consent_label"), ConsentTextsPanel()],
            heading=_("Consents"),
        ),
    ]
    partners = [
        InlinePanel("campaign_partners", heading=_("Partners"), label=_("Partner")),
        ConsentDefaultPanel(),
        FieldPanel("open_to_all_sites"),
    ]
    sharing = [
        FieldPanel("thank_you_message"),
        FieldPanel("share_text"),
        FieldPanel("share_image"),
        FieldPanel("redirect_url"),
    ]
    settings = [
        FieldRowPanel([FieldPanel("goal"), FieldPanel("goal_steps")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("state"),
        FieldPanel("outcome_note"),
        FieldPanel("double_opt_in"),
        FieldPanel("show_recent_signers"),
        FieldPanel("keep_data_until"),
        FieldPanel("names_to_target"),
    ]
    # Wagtail's own settings panels, its publishing panel swapped for ours.
    publishing = [
        SchedulePanel(),
        *(
            panel
            for panel in Page.settings_panels
            if getattr(panel, "path", "") != "wagtail.admin.panels.PublishingPanel"
        ),
    ]
    return CampaignEditorTabs(
        [
            ObjectList(content, heading=_("Content")),
            ObjectList(form, heading=_("Form")),
            ObjectList(partners, heading=_("Partners")),
            ObjectList(sharing, heading=_("Sharing and thank-you")),
            ObjectList(settings, heading=_("Settings")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(publishing, heading=_("Publishing")),
        ]
    )
