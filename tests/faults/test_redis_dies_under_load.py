"""Redis killed and restarted under load, on gunicorn with the site's settings:
every signing is answered 202 and stored exactly once, and each worker logs the
outage once, not once per request."""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from django.db import connection

from campaigns.models import Signature
from campaigns.services import campaign_identity
from tests.factories import campaign_page
from tests.faults.conftest import RedisServer, free_port
from tests.scaling import conftest as scaling
from tests.scaling.conftest import ROOT, _wait_ready

cluster_env = scaling.cluster_env

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_tree", "wagtail_tree_after_module"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="app servers share the test database only on PostgreSQL",
    ),
]
WORKERS = 2
SIGNINGS = 90


def _throttled_in(server: RedisServer) -> bool:
    return any(b"throttle" in stored for stored in server.stored_keys())


def test_signings_under_load_survive_redis_dying_and_returning(
    cluster_env, redis_server: RedisServer, tmp_path: Path
):
    key = campaign_identity(
        campaign_page(first_name_rule="optional", last_name_rule="optional")
    ).public_key
    port = free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    env = {**cluster_env, "REDIS_URL": redis_server.url, "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(  # noqa: S603 - our own interpreter
        [sys.executable, "-m", "gunicorn", "cms.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)],
        env=env, cwd=ROOT, stderr=log,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"

    def sign(n: int) -> int:
        if n == SIGNINGS // 3:
            redis_server.kill()
        if n == 2 * SIGNINGS // 3:
            redis_server.start()
            time.sleep(6)  # past the backend's retry interval
        body = {"email": f"load{n}@example.org"}
        reply = httpx.post(f"{url}/api/v1/campaigns/{key}/signatures/", json=body)
        return reply.status_code

    try:
        _wait_ready(url, server)
        with ThreadPoolExecutor(4) as pool:
            first = list(pool.map(sign, range(SIGNINGS // 3)))
        with ThreadPoolExecutor(4) as pool:
            rest = list(pool.map(sign, range(SIGNINGS // 3, SIGNINGS)))
        after = httpx.get(f"{url}/api/v1/campaigns/{key}/").status_code
        # The workers use Redis again by themselves: its counters fill up.
        extra = SIGNINGS
        deadline = time.monotonic() + 15
        while not _throttled_in(redis_server) and time.monotonic() < deadline:
            rest.append(sign(extra))
            extra += 1
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()

    text = (tmp_path / "gunicorn.log").read_text()
    assert [*first, *rest] == [202] * extra
    assert after == 200
    assert Signature.objects.filter(campaign__public_key=key).count() == extra
    assert 1 <= text.count("The Redis cache is unreachable") <= WORKERS
    assert _throttled_in(redis_server)
