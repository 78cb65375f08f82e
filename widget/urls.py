"""The widget's public routes, added to `campaigns.urls` through a Wagtail hook."""

from __future__ import annotations

from django.urls import path, re_path

from widget.api import EmbedFragmentView
from widget.http import compressed_reads as gz
from widget.views.embed import embed_page, embed_thanks
from widget.views.script import current_script, release_script
from widget.views.setup import widget_setup

# A release's folder, as the script finds it from its own URL.
RELEASE = r"^widget/releases/(?P<version>\d+\.\d+\.\d+)/"

app_name = "undersign_widget"

urlpatterns = [
    # Every read the widget makes is compressed (see `compressed_reads`).
    path("embed/<str:key>/", gz(embed_page), name="embed"),
    path("embed/<str:key>/thanks/", gz(embed_thanks), name="embed-thanks"),
    path(
        "api/v1/campaigns/<str:key>/embed/",
        gz(EmbedFragmentView.as_view()),
        name="embed-fragment",
    ),
    path("widget/v1/undersign.js", gz(current_script), name="script"),
    # Reached relative to the script's own URL, so each needs no other path.
    path("widget/v1/campaigns/<str:key>/", gz(widget_setup), name="setup"),
    re_path(rf"{RELEASE}undersign\.js$", gz(release_script), name="release-script"),
    re_path(
        rf"{RELEASE}campaigns/(?P<key>[^/]+)/$",
        gz(widget_setup),
        name="release-setup",
    ),
]
