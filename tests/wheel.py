"""Build the plugin's wheel from this checkout, as a site owner would get it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A copy without these: a stale `build/` would put deleted modules in the wheel.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "*.egg-info", "__pycache__", ".*_cache", "var", "docs"
)


def build_wheel(out: Path) -> Path:
    """Build the wheel of this checkout into `out` and return its path."""
    source = out / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    shutil.copy(ROOT / "README.md", source / "README.md")
    subprocess.run(  # noqa: S603 - our own interpreter on our own checkout
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), "."],
        cwd=source,
        check=True,
        timeout=300,
    )
    (wheel,) = out.glob("undersign-*.whl")
    return wheel
