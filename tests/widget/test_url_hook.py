"""The widget joins the plugin's URLconf through a hook; campaigns never imports it."""

from __future__ import annotations

import ast
from pathlib import Path

from django.urls import reverse
from wagtail import hooks

import campaigns
from campaigns.urls import PUBLIC_URLS_HOOK


def test_the_widget_routes_come_from_the_public_urls_hook():
    assert any(
        fn.__module__ == "widget.wagtail_hooks"
        for fn in hooks.get_hooks(PUBLIC_URLS_HOOK)
    )
    assert reverse("undersign_widget:embed", kwargs={"key": "k"}) == "/embed/k/"
    assert reverse("undersign_widget:script") == "/widget/v1/undersign.js"


def test_campaigns_never_imports_the_widget():
    root = Path(campaigns.__file__).parent
    imported = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)

    assert "widget" not in imported
    assert "cms" not in imported
