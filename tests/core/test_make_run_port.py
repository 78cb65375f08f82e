"""`make run` on a port of one's choosing: every link the API gives answers.

Runs the real `make run` (migrate, seed, the development server and its
workers) on a fresh SQLite file and free ports, then follows the API's `url`
of every campaign, as a partner or a share would.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.status, response.read()


@pytest.fixture(scope="module")
def make_run(tmp_path_factory) -> Iterator[str]:
    """Return the origin of `make run` started on a free, non-default PORT."""
    if shutil.which("make") is None:
        pytest.fail("make is needed: the README's first command is `make run`")
    port, partner_port = free_port(), free_port()
    folder = tmp_path_factory.mktemp("make_run")
    database, log = folder / "db.sqlite3", folder / "make-run.log"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env |= {"DATABASE_URL": f"sqlite:///{database}", "LOG_LEVEL": "WARNING"}
    output_file = log.open("wb")
    server = subprocess.Popen(  # noqa: S603 - our own Makefile
        ["make", "run", f"PORT={port}", f"PARTNER_PORT={partner_port}"],  # noqa: S607
        cwd=ROOT,
        env=env,
        # A file, not a pipe: nobody reads a pipe while it serves, and a full
        # one would stop the server.
        stdout=output_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    origin = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                fetch(f"{origin}/api/v1/campaigns/")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = log.read_text(errors="replace")
                    pytest.fail(f"make run did not serve on {port}:\n{output}")
                time.sleep(0.5)
        yield origin
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        output_file.close()


def test_every_campaigns_api_url_answers_on_the_port_make_run_serves(make_run):
    status, body = fetch(f"{make_run}/api/v1/campaigns/")
    campaigns = json.loads(body)

    assert status == 200
    assert campaigns, "make run seeds a campaign"
    for campaign in campaigns:
        assert campaign["url"].startswith(f"{make_run}/"), campaign["url"]
        status, html = fetch(campaign["url"])
        assert status == 200
        assert campaign["call_to_action"] in html.decode()
