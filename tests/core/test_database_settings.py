"""`DATABASE_URL` picks the database; unset or empty means a SQLite file in WAL mode."""

from __future__ import annotations

import pytest
from django.db.utils import ConnectionHandler

from cms.settings.database import SQLITE_OPTIONS, database_from_env


@pytest.mark.parametrize("url", ["", "   "])
def test_an_empty_database_url_falls_back_to_a_sqlite_file(tmp_path, url):
    config = database_from_env(url, tmp_path)

    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == tmp_path / "db.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_a_sqlite_url_gets_the_same_concurrency_options(tmp_path):
    config = database_from_env(f"sqlite:///{tmp_path}/site.db", tmp_path)

    assert config["NAME"] == f"{tmp_path}/site.db"
    assert config["OPTIONS"] == SQLITE_OPTIONS


def test_a_postgres_url_is_parsed_without_sqlite_options(tmp_path):
    config = database_from_env("postgres://app:pw@db.internal:5433/petitions", tmp_path)

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == (
        "db.internal",
        5433,
        "petitions",
    )
    assert "transaction_mode" not in config.get("OPTIONS", {})


def test_the_fallback_sqlite_file_runs_in_wal_mode_with_a_busy_timeout(
    tmp_path, django_db_blocker
):
    handler = ConnectionHandler({"default": database_from_env("", tmp_path)})
    connection = handler["default"]
    try:
        # A private connection to a scratch file, not the test database.
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            journal = cursor.fetchone()[0]
            cursor.execute("PRAGMA busy_timeout")
            busy = cursor.fetchone()[0]
    finally:
        connection.close()

    assert journal == "wal"
    assert busy >= 5000
