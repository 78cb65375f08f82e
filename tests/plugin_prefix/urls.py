"""A host with its own `/privacy/` page, including the plugin under `petitions/`."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import include, path
from wagtail import urls as wagtail_urls

HOST_PRIVACY = "The host's own privacy policy"

urlpatterns = [
    path("privacy/", lambda request: HttpResponse(HOST_PRIVACY)),
    path("petitions/", include("campaigns.urls")),
    path("", include(wagtail_urls)),
]
