"""The plugin's wheel, built once per run from this checkout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def build_wheel(out: Path) -> Path:
    """Build the wheel of this checkout into `out` and return its path."""
    subprocess.run(  # noqa: S603 - our own interpreter on our own checkout
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), "."],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    (wheel,) = out.glob("undersign-*.whl")
    return wheel


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))
