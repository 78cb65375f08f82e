"""Wagtail hooks: the widget's public routes and the campaign editor's Embed tab."""

from __future__ import annotations

from django.urls import URLResolver, include, path
from wagtail import hooks
from wagtail.admin.panels import Panel

from campaigns.panels import EDITOR_PANELS_HOOK
from widget.admin_panel import embed_tab


@hooks.register("undersign_public_urls")
def widget_public_urls() -> list[URLResolver]:
    """Return the widget's routes, namespaced `undersign_widget`."""
    return [path("", include("widget.urls"))]


@hooks.register(EDITOR_PANELS_HOOK)
def widget_embed_tab() -> Panel:
    """Add the Embed tab (snippets per partner, preview) to the campaign editor."""
    return embed_tab()
