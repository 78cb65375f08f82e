"""Two app servers on one PostgreSQL and one Redis, as two machines would run."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
STALENESS = 2
CLIENT_BURST = 5


def _database_url() -> str:
    """Return a URL for the test database pytest-django made (`test_<name>`)."""
    db = connection.settings_dict
    user = quote(db["USER"] or "")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def cluster_env(tmp_path: Path) -> dict[str, str]:
    """The environment every process of the simulated cluster shares."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.scaling.server_settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": _database_url(),
        "CACHE_KEY_PREFIX": f"undersign-scaling-{uuid.uuid4().hex[:8]}",
        "UNDERSIGN_COUNT_STALENESS": str(STALENESS),
        "UNDERSIGN_THROTTLE_CLIENT_BURST": f"{CLIENT_BURST}/minute",
        "EMAIL_FILE_PATH": str(tmp_path / "outbox"),
        "LOG_LEVEL": "WARNING",
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/api/v1/campaigns/", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"app server at {url} did not start")


@pytest.fixture
def app_servers(cluster_env: dict[str, str]) -> Iterator[list[str]]:
    """Start two gunicorn servers on free ports; yield their base URLs."""
    servers = []
    for _ in range(2):
        port = _free_port()
        process = subprocess.Popen(  # noqa: S603 - our own interpreter
            [sys.executable, "-m", "gunicorn", "cms.wsgi:application",
             "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            env=cluster_env,
            cwd=ROOT,
        )  # fmt: skip
        servers.append((process, f"http://127.0.0.1:{port}"))
    try:
        for process, url in servers:
            _wait_ready(url, process)
        yield [url for _process, url in servers]
    finally:
        for process, _url in servers:
            process.terminate()
            process.wait(timeout=30)
