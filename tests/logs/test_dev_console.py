"""`make run`'s console (development settings) shows warnings, not task chatter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import logging, django
django.setup()
from django_tasks_db.management.commands.db_worker import Command
Command().configure_logging(verbosity=1)  # as `manage.py db_worker` does
tasks = logging.getLogger("django_tasks")
tasks.info("task ran: chatter")
tasks.warning("task failed: worth seeing")
logging.getLogger("campaigns").info("an app's own info")
"""


def test_development_console_hides_task_info_but_shows_warnings():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    env.pop("LOG_LEVEL", None)
    done = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert "task failed: worth seeing" in done.stderr
    assert "task ran: chatter" not in done.stderr
    assert "an app's own info" in done.stderr
