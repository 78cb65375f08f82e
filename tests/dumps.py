"""Full copies of the test database, for asserting that no one can be read in them."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.db import connection

needs_pg_dump = pytest.mark.skipif(
    connection.vendor != "postgresql" or shutil.which("pg_dump") is None,
    reason="needs PostgreSQL and pg_dump",
)


def dumpdata() -> str:
    """Return `manage.py dumpdata` of every app and table."""
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def pg_dump() -> str:
    """Return a data-only `pg_dump` of the test database."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    return subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [
            str(shutil.which("pg_dump")),
            "--data-only",
            "-h",
            str(db["HOST"] or "localhost"),
            "-p",
            str(db["PORT"] or 5432),
            "-U",
            str(db["USER"]),
            str(db["NAME"]),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    ).stdout
