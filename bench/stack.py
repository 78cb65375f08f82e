"""The site under test: throwaway settings, a fresh database, gunicorn on loopback,
and the plugin's background worker beside it.

Everything here runs in the orchestrating process (`bench/run.py`, `bench/crash.py`);
the server and the load generator are separate processes it starts.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import environ
import httpx
import psycopg
from cryptography.fernet import Fernet
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
LOGS = ROOT / "var" / "bench"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/undersign_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/2"
# Signing is open to the seeded partner's origins, as a browser widget would send.
PARTNER_ORIGIN = "http://127.0.0.1:8001"
COUNT_STALENESS = 5


def bench_environment(database_url: str, redis_url: str) -> dict[str, str]:
    """Return the environment of every bench process: production settings, throwaway
    secrets (new each invocation, like the database they encrypt into)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": "http://127.0.0.1",
        "DEFAULT_FROM_EMAIL": "Bench <bench@example.org>",
        "UNDERSIGN_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "UNDERSIGN_BLIND_INDEX_KEY": secrets.token_urlsafe(32),
        "UNDERSIGN_COUNT_STALENESS": str(COUNT_STALENESS),
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url,
        # All load comes from one address: real limits would flag nearly every
        # signing, and a flagged one skips the outbox, a cheaper path than a
        # signer's. High limits keep the counters' cost in the figures.
        **{
            f"UNDERSIGN_THROTTLE_{name}": "1000000/minute"
            for name in ("CLIENT_BURST", "CLIENT_SUSTAINED", "CAMPAIGN_BURST")
        },
        "UNDERSIGN_THROTTLE_CAMPAIGN_SUSTAINED": "100000000/hour",
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
        # A prefix per invocation: counts cached by an earlier run never leak in.
        env["CACHE_KEY_PREFIX"] = f"undersign-bench-{os.getpid()}"
    return env


def recreate_database(database_url: str) -> None:
    """Drop and create the bench database named in `database_url` (PostgreSQL)."""
    config = environ.Env.db_url_config(database_url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit("The bench needs PostgreSQL in DATABASE_URL.")
    name = config["NAME"]
    if not name.startswith("undersign_bench"):
        # Never drop a database the bench did not make for itself.
        raise SystemExit(
            f"Refusing to drop {name!r}: bench databases start with 'undersign_bench'."
        )
    with psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        identifier = sql.Identifier(name)
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(identifier)
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(identifier))


def manage(env: dict[str, str], *args: str) -> str:
    """Run `manage.py` with the bench environment; return its output."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return result.stdout


def python_module(env: dict[str, str], module: str, *args: str) -> str:
    """Run `python -m module args` with the bench environment; return its stdout."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and modules
        [sys.executable, "-m", module, *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return result.stdout


def prepare(env: dict[str, str]) -> dict[str, str]:
    """Recreate and migrate the database, seed campaigns; return their keys."""
    recreate_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput")
    manage(env, "undersign_seed_demo", "--partner-port", "8001")
    return json.loads(python_module(env, "bench.seed"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    workers: int

    def worker_pids(self) -> list[int]:
        """Return the pids of the gunicorn workers (the master's children)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]


def _wait_ready(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/bench/bare/", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}; see {LOGS}/gunicorn.log")


@contextmanager
def gunicorn(
    env: dict[str, str], workers: int, worker_class: str = "sync"
) -> Iterator[Server]:
    """Serve the site with gunicorn on a free loopback port until the block ends.

    No access log: it would cost time and record addresses.
    """
    LOGS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = (LOGS / "gunicorn.log").open("ab")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            str(ROOT / "cms" / "gunicorn.conf.py"),
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            worker_class,
            "--threads",
            "4" if worker_class == "gthread" else "1",
            "--backlog",
            "2048",
            "--error-logfile",
            "-",
        ],
        # The site's gunicorn settings, minus the access log (it costs time).
        env={**env, "GUNICORN_ACCESS_LOG": ""},
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    server = Server(process, f"http://127.0.0.1:{port}", workers)
    try:
        _wait_ready(server.url)
        yield server
    finally:
        _stop(process)
        log.close()


@contextmanager
def undersign_worker(env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """Run `manage.py undersign_worker` beside the site until the block ends, as
    production does: it sends the outbox's emails (to the in-memory backend)."""
    LOGS.mkdir(parents=True, exist_ok=True)
    log = (LOGS / "worker.log").open("ab")
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, str(ROOT / "manage.py"), "undersign_worker"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    try:
        yield process
    finally:
        _stop(process)
        log.close()


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def cpu_seconds(pids: list[int]) -> float:
    """Return the CPU time (user and system) the running processes `pids` used."""
    total = 0
    for pid in pids:
        # Fields after the parenthesized command name; utime and stime are 14, 15.
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def machine_cpu_seconds() -> float:
    """Return the CPU time every core of the machine spent busy since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    # user nice system idle iowait irq softirq steal (guest time is within user).
    busy = sum(fields[:8]) - fields[3] - fields[4]
    return busy / os.sysconf("SC_CLK_TCK")
