"""Copy the current widget script to its immutable release and record its hash."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from widget import __version__
from widget.releases import ReleaseExists, release_current, release_file


class Command(BaseCommand):
    help = (
        "Copy widget/static/undersign_widget/undersign.js to "
        "widget/releases/undersign-<version>.js and record its SRI hash."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            digest = release_current()
        except ReleaseExists:
            raise CommandError(
                f"Release {__version__} exists with other content and never "
                "changes: bump widget.__version__ first."
            ) from None
        self.stdout.write(f"{release_file(__version__)}  {digest}")
