"""The plugin's one URLconf: include it at the site root, before Wagtail's pages."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("api/v1/", include("campaigns.api.urls")),
]
