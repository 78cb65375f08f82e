"""Fixtures for fault tests: a real Redis server this test starts and kills, and
the cache configured exactly as the site's settings configure it."""

from __future__ import annotations

import os
import runpy
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from django.core.cache import caches


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def site_caches(redis_url: str) -> dict[str, Any]:
    """Return `CACHES` as `cms/settings/base.py` builds it for `REDIS_URL`."""
    saved = os.environ.get("REDIS_URL")
    os.environ["REDIS_URL"] = redis_url
    try:
        base = Path(__file__).resolve().parents[2] / "cms" / "settings" / "base.py"
        caches_setting = runpy.run_path(str(base))["CACHES"]
    finally:
        if saved is None:
            del os.environ["REDIS_URL"]
        else:
            os.environ["REDIS_URL"] = saved
    default = dict(caches_setting["default"])
    # Retried quickly, so a test sees the recovery; prefixed per test.
    default["OPTIONS"] = {**default.get("OPTIONS", {}), "RETRY_SECONDS": 0.2}
    default["KEY_PREFIX"] = f"undersign-faults-{uuid.uuid4().hex[:8]}"
    return {"default": default}


class RedisServer:
    """A throwaway `redis-server` on a free port, which a test may kill and restart."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - the installed redis-server
            [
                shutil.which("redis-server") or "redis-server",
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def stored_keys(self) -> list[bytes]:
        return list(redis.Redis.from_url(self.url).keys("*"))


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    server.start()
    yield server
    server.kill()


@pytest.fixture
def redis_cache(settings, redis_server: RedisServer) -> RedisServer:
    """The site's cache settings, on the throwaway Redis."""
    settings.CACHES = site_caches(redis_server.url)
    caches["default"].clear()
    return redis_server


@pytest.fixture
def unreachable_cache(settings) -> None:
    """The site's cache settings, with `REDIS_URL` on a port nothing listens on."""
    settings.CACHES = site_caches(f"redis://127.0.0.1:{free_port()}/0")
