"""The campaign editor's tabs, following the organizer's work."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.models import Page


def campaign_edit_handler() -> TabbedInterface:
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
        FieldPanel("organizer_consent_label"),
    ]
    partners = [
        InlinePanel("campaign_partners", heading=_("Partners"), label=_("Partner")),
        FieldPanel("open_to_all_sites"),
    ]
    sharing = [
        FieldPanel("thank_you_message"),
        FieldPanel("share_text"),
        FieldPanel("share_image"),
        FieldPanel("redirect_url"),
    ]
    settings = [
        FieldPanel("goal"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("state"),
        FieldPanel("outcome_note"),
        FieldPanel("double_opt_in"),
        FieldPanel("show_recent_signers"),
        FieldPanel("keep_data_until"),
        FieldPanel("names_to_target"),
    ]
    return TabbedInterface(
        [
            ObjectList(content, heading=_("Content")),
            ObjectList(form, heading=_("Form")),
            ObjectList(partners, heading=_("Partners")),
            ObjectList(sharing, heading=_("Sharing and thank-you")),
            ObjectList(settings, heading=_("Settings")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Publishing")),
        ]
    )
