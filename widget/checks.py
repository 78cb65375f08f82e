"""System checks of the widget: the releases partners pin must be there, intact."""

from __future__ import annotations

from typing import Any

from django.core.checks import Warning, register

from widget.releases import release_problems


@register()
def check_releases(**kwargs: Any) -> list[Warning]:
    """Warn when a release is missing or changed: pinned snippets would break,
    and the Embed tab offers none for a missing current release.
    """
    return [
        Warning(
            f"Widget releases: {problem}.",
            hint="An installed site gets the releases from the package "
            "(widget/releases/); a checkout makes them with undersign_widget_release.",
            id="undersign_widget.W001",
        )
        for problem in release_problems()
    ]
