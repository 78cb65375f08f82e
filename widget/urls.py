"""The widget's public routes, added to `campaigns.urls` through a Wagtail hook."""

from __future__ import annotations

from django.urls import path, re_path

from widget.api import EmbedFragmentView
from widget.views.embed import embed_page, embed_thanks
from widget.views.script import current_script, release_script

app_name = "undersign_widget"

urlpatterns = [
    path("embed/<str:key>/", embed_page, name="embed"),
    path("embed/<str:key>/thanks/", embed_thanks, name="embed-thanks"),
    path(
        "api/v1/campaigns/<str:key>/embed/",
        EmbedFragmentView.as_view(),
        name="embed-fragment",
    ),
    path("widget/v1/undersign.js", current_script, name="script"),
    re_path(
        r"^widget/releases/(?P<version>\d+\.\d+\.\d+)/undersign\.js$",
        release_script,
        name="release-script",
    ),
]
