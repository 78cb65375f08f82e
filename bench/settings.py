"""The production settings plus the bench's own URLconf (the bare ceiling view)."""

from __future__ import annotations

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
