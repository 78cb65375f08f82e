"""The database from `DATABASE_URL`, or a SQLite file fit for server and worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import environ

SQLITE_OPTIONS = {
    # WAL lets the web server read while a worker writes; IMMEDIATE takes the write
    # lock at BEGIN so two writers queue behind the busy timeout instead of failing.
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 10,
}


def database_from_env(url: str, base_dir: Path) -> dict[str, Any]:
    """Return the `default` database; no URL means a local SQLite file."""
    if not url.strip():
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": base_dir / "db.sqlite3",
            "OPTIONS": SQLITE_OPTIONS,
        }
    config = environ.Env.db_url_config(url)
    config.update(CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = SQLITE_OPTIONS
    return dict(config)
