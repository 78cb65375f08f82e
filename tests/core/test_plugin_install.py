"""A Wagtail site that is not ours installs the plugin as documented and works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def run_in_plugin_site(tmp_path_factory):
    """Return a runner of `python -m <args>` in the bare site, on one SQLite file."""
    database = tmp_path_factory.mktemp("plugin_site") / "site.sqlite3"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "tests.plugin_site.settings",
        "PLUGIN_SITE_DB": str(database),
    }

    def run(*args: str) -> str:
        done = subprocess.run(  # noqa: S603 - our own interpreter and modules
            [sys.executable, "-m", *args],
            cwd=database.parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    return run


def test_the_bare_site_passes_system_checks(run_in_plugin_site):
    out = run_in_plugin_site("django", "check", "--fail-level", "WARNING")

    assert "no issues" in out


def test_the_bare_site_migrates_and_signs_through_the_plugin(run_in_plugin_site):
    run_in_plugin_site("django", "migrate", "--noinput", "-v", "0")

    out = run_in_plugin_site("tests.plugin_site.smoke")

    assert "signed: ok" in out
    assert "api: ok" in out


def test_a_campaign_under_an_ordinary_page_of_the_site_is_served_and_signed(
    run_in_plugin_site,
):
    run_in_plugin_site("django", "migrate", "--noinput", "-v", "0")

    out = run_in_plugin_site("tests.plugin_site.under_a_page")

    assert "served: /about/stop-the-detentions/" in out
    assert "signed: ok" in out
