"""The plugin's wheel, built once per run from this checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.wheel import build_wheel


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))
