"""The widget adds its tab through a campaigns hook; campaigns never imports it."""

from __future__ import annotations

import ast
from pathlib import Path

from wagtail import hooks
from wagtail.admin.panels import HelpPanel, ObjectList

import campaigns
from campaigns.models import CampaignPage
from campaigns.panels import EDITOR_PANELS_HOOK, campaign_edit_handler
from widget.admin_panel import EmbedPanel


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_campaigns_imports_neither_widget_nor_the_site():
    root = Path(campaigns.__file__).parent
    offenders = {
        f"{path.relative_to(root)}: {name}"
        for path in root.rglob("*.py")
        for name in imported_modules(path)
        if name.split(".")[0] in {"widget", "cms"}
    }

    assert offenders == set()


def test_the_widgets_embed_tab_is_contributed_last():
    tabs = CampaignPage.get_edit_handler().children

    assert str(tabs[-1].heading) == "Embed"
    assert isinstance(tabs[-1].children[0], EmbedPanel)


def test_any_app_can_contribute_a_tab_through_the_hook(db):
    def extra_tab() -> ObjectList:
        return ObjectList([HelpPanel("Hello")], heading="Extra")

    with hooks.register_temporarily(EDITOR_PANELS_HOOK, extra_tab):
        tabs = campaign_edit_handler().bind_to_model(CampaignPage).children

    assert [str(tab.heading) for tab in tabs[-2:]] == ["Embed", "Extra"]
    assert tabs[-1].model is CampaignPage
