"""The campaign editor: its tabs, and help text on every field an organizer fills."""

from __future__ import annotations

import pytest
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.coreutils import safe_snake_case

from campaigns.models import CampaignPage, CampaignQuestion
from campaigns.panels import ConsentTextsPanel
from tests.editor.conftest import bound_panels, editor_panel
from tests.factories import PartnerFactory, link_partner

TABS = [
    "Content",
    "Form",
    "Partners",
    "Sharing and thank-you",
    "Settings",
    "Promote",
    "Publishing",
    "Embed",
]


@pytest.fixture
def full_page(page) -> CampaignPage:
    """The shared campaign with a question and a partner: inline forms show."""
    link_partner(page, PartnerFactory(name="Make the Road", slug="make-the-road"))
    CampaignQuestion.objects.create(
        page=page, key="borough", label="Your borough", kind="text"
    )
    page.refresh_from_db()
    return page


def test_the_editor_has_the_tabs_that_follow_the_work(admin_user, page):
    tabs = editor_panel(page, admin_user).children

    assert [str(tab.heading) for tab in tabs] == TABS


def test_the_editor_renders_every_tab(admin_client, full_page):
    response = admin_client.get(f"/admin/pages/{full_page.pk}/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    for tab in TABS:
        if tab == "Publishing":
            continue  # Wagtail shows scheduling in a dialog, not as a tab
        assert f'id="tab-label-{safe_snake_case(tab)}"' in html, tab
    assert 'name="go_live_at"' in html
    assert 'name="goal_steps"' in html
    assert 'name="campaign_partners-0-consent_label"' in html


def test_every_field_in_the_editor_has_help_text(admin_user, full_page):
    fields = [
        panel
        for panel in bound_panels(editor_panel(full_page, admin_user))
        if isinstance(panel.panel, FieldPanel)
    ]
    inline_fields = {
        panel.bound_field.name
        for panel in fields
        if panel.bound_field.form.prefix  # an inline form's fields carry a prefix
    }

    missing = [panel.bound_field.name for panel in fields if not panel.help_text]
    assert missing == []
    assert {"key", "label", "kind", "choices", "required"} <= inline_fields
    assert {"partner", "consent_label"} <= inline_fields
    assert len(fields) > 40


def test_the_rising_goal_sits_with_the_goal_in_the_settings_tab(admin_user, page):
    settings = editor_panel(page, admin_user).children[TABS.index("Settings")]

    names = {
        panel.bound_field.name
        for panel in bound_panels(settings)
        if isinstance(panel.panel, FieldPanel)
    }
    assert {"goal", "goal_steps", "opens_at", "closes_at", "state"} <= names
    assert {"open_to_all_sites", "double_opt_in", "show_recent_signers"} - names == {
        "open_to_all_sites"  # with the partners, whom it concerns
    }


def test_questions_and_consents_are_in_the_form_tab(admin_user, page):
    form_tab = editor_panel(page, admin_user).children[TABS.index("Form")]

    panels = list(bound_panels(form_tab))
    assert any(isinstance(panel.panel, ConsentTextsPanel) for panel in panels)
    assert any(
        isinstance(panel.panel, InlinePanel)
        and panel.panel.relation_name == "questions"
        for panel in panels
    )
