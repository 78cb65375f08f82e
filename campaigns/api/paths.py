"""Where the API lives, from the URLconf: a host may include the plugin under a
prefix (`path("petitions/", include("campaigns.urls"))`), so no path is written
down anywhere else.
"""

from __future__ import annotations

from django.urls import reverse


def api_root() -> str:
    """Return the path the API is served under (`/api/v1/`, or `/petitions/api/v1/`)."""
    return reverse("undersign_api:campaign-list").removesuffix("campaigns/")
