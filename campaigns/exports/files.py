"""Export files: a private directory, names nobody can guess, owner-only access."""

from __future__ import annotations

import os
import re
import secrets
import time
from pathlib import Path
from typing import TextIO

from campaigns.conf import conf

NAME = re.compile(r"^[0-9a-f]{32}\.csv$")


def export_dir() -> Path:
    """Return the export directory, created readable by this process's user only."""
    directory = conf.EXPORT_DIR
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def new_name() -> str:
    """Return a fresh, unguessable file name (no campaign, user or signer in it)."""
    return f"{secrets.token_hex(16)}.csv"


def path_of(name: str) -> Path:
    """Return the path of an export file; `ValueError` for any other name."""
    if not NAME.match(name):
        raise ValueError("not an export file name")
    return export_dir() / name


def open_private(name: str) -> TextIO:
    """Create the file for writing with mode 0600; fail if it already exists."""
    fd = os.open(path_of(name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8", newline="")


def remove(name: str) -> None:
    """Delete an export file if it is there."""
    if name:
        path_of(name).unlink(missing_ok=True)


def remove_older_than(seconds: float) -> None:
    """Delete export files untouched for `seconds`.

    Catches files whose export row is gone (a deleted user, a crashed worker):
    every file outlives its download window by then.
    """
    cutoff = time.time() - seconds
    for path in export_dir().iterdir():
        if NAME.match(path.name) and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
