"""Where the API lives, from the URLconf: a host may include the plugin under a
prefix (`path("petitions/", include("campaigns.urls"))`), so no path is written
down anywhere else.
"""

from __future__ import annotations

import functools
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=8)
def _api_root(urlconf: str | None) -> str:
    path = reverse("undersign_api:campaign-list", urlconf=urlconf)
    # As `request.path_info` sees it: without the deployment's SCRIPT_NAME.
    return "/" + path.removeprefix(get_script_prefix()).removesuffix("campaigns/")


def api_root() -> str:
    """Return the path the API is served under (`/api/v1/`, `/petitions/api/v1/`),
    as `request.path_info` shows it. Read once per URLconf: every request asks.
    """
    return _api_root(get_urlconf())


@receiver(setting_changed)
def _forget_api_root(setting: str, **kwargs: Any) -> None:
    if setting == "ROOT_URLCONF":
        _api_root.cache_clear()
