"""gunicorn's access log: what was asked and how it went, never who asked."""

from __future__ import annotations

import os
import re
import runpy
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.logs.conftest import CLIENT_IP, EMAIL, FIRST_NAME, leaks

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "cms" / "gunicorn.conf.py"
# Client address, request line with query, query, referer, user agent, and any
# request header or environ value (X-Forwarded-For and friends).
FORBIDDEN_ATOMS = re.compile(r"%\((h|r|q|f|a|u)\)s|%\(\{[^}]*\}[ie]\)s")
LINK_PART = "Zk9sZWFrZWQtdG9rZW4"


def test_the_access_log_format_has_no_address_query_referer_or_agent():
    config = runpy.run_path(str(CONFIG))

    assert FORBIDDEN_ATOMS.search(config["access_log_format"]) is None
    assert "%(U)s" in config["access_log_format"]
    assert "%(s)s" in config["access_log_format"]


def test_the_forbidden_atoms_would_be_caught():
    assert FORBIDDEN_ATOMS.search('%(h)s "%(r)s"')
    assert FORBIDDEN_ATOMS.search("%({x-forwarded-for}i)s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    def __init__(self, url: str, log: Path, process: subprocess.Popen[bytes]) -> None:
        self.url = url
        self.log = log
        self.process = process

    def stop_and_read(self) -> str:
        """Stop gunicorn (it finishes what it was doing) and return its log."""
        self.process.terminate()
        self.process.wait(timeout=30)
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def gunicorn(tmp_path) -> Iterator[Served]:
    """Serve the site with `cms/gunicorn.conf.py`, logging to a file."""
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "LOG_LEVEL": "DEBUG",
    }
    env.pop("REDIS_URL", None)
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter
            [sys.executable, "-m", "gunicorn", "-c", str(CONFIG)],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_ready(url, process)
            yield Served(url, log, process)
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def _wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            httpx.get(f"{url}/widget/v1/undersign.js", timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def test_a_served_request_logs_no_address_query_token_referer_or_agent(gunicorn):
    headers = {
        "X-Forwarded-For": CLIENT_IP,
        "User-Agent": f"{FIRST_NAME}Browser/1.0",
        "Referer": f"https://referrer.example/{FIRST_NAME}",
    }

    for path in (f"/sign/confirm/{LINK_PART}/", f"/your-data/{LINK_PART}/", "/api/v1/"):
        httpx.get(f"{gunicorn.url}{path}?email={EMAIL}", headers=headers, timeout=30)
    text = gunicorn.stop_and_read()

    assert '"GET /sign/confirm/[token]/ HTTP/1.1"' in text
    assert '"GET /your-data/[token]/ HTTP/1.1"' in text
    assert leaks(text) == []
    for secret in (LINK_PART, "127.0.0.1", "Browser/1.0", "referrer.example", "email="):
        assert secret not in text
