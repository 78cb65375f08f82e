"""Wagtail hooks: add the widget's public routes to the plugin's URLconf."""

from __future__ import annotations

from django.urls import URLResolver, include, path
from wagtail import hooks


@hooks.register("undersign_public_urls")
def widget_public_urls() -> list[URLResolver]:
    """Return the widget's routes, namespaced `undersign_widget`."""
    return [path("", include("widget.urls"))]
