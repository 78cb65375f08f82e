"""Where the widget's script and its immutable releases live (settings may move them).

Read at call time, so tests can point them at temporary files.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

WIDGET_DIR = Path(__file__).resolve().parent
DEFAULT_SCRIPT = WIDGET_DIR / "static" / "undersign_widget" / "undersign.js"
DEFAULT_RELEASES = WIDGET_DIR / "releases"


def script_path() -> Path:
    """Return the current script's file (`UNDERSIGN_WIDGET_SCRIPT` overrides)."""
    return Path(getattr(settings, "UNDERSIGN_WIDGET_SCRIPT", DEFAULT_SCRIPT))


def releases_dir() -> Path:
    """Return the folder of release copies (`UNDERSIGN_WIDGET_RELEASES` overrides)."""
    return Path(getattr(settings, "UNDERSIGN_WIDGET_RELEASES", DEFAULT_RELEASES))
