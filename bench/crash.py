"""Crash safety under load: SIGKILL gunicorn workers while signings pour in.

    .venv/bin/python -m bench.crash [--kills 5] [--duration 30]

The load client retries every failed signing with the same idempotency key and
body, and logs each key it got a 202 for. Afterwards every logged key must be
stored exactly once, and each stored signature must have exactly one outbox row
(its email), written in the same transaction. Exits 1 if not.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import django

from bench import stack
from bench.run import say

KEYS_LOG = stack.LOGS / "crash-keys.txt"


def _kill_workers(server: stack.Server, kills: int, every: float) -> int:
    """SIGKILL a random worker `kills` times, `every` seconds apart; return kills."""
    done = 0
    for _ in range(kills):
        time.sleep(every)
        workers = server.worker_pids()
        if workers:
            os.kill(random.choice(workers), signal.SIGKILL)  # noqa: S311
            done += 1
    return done


def _stored(key: str, logged: list[str]) -> tuple[Counter[str], int, int]:
    """Return rows per logged key, rows stored beyond the logged keys, and
    signatures whose outbox does not hold exactly one email."""
    from django.db.models import Count, Q

    from campaigns.deliveries.outbox import EMAIL_THANKS
    from campaigns.models import Signature

    signatures = Signature.objects.filter(campaign__public_key=key)
    per_key: Counter[str] = Counter()
    for start in range(0, len(logged), 5000):
        chunk = logged[start : start + 5000]
        rows = signatures.filter(idempotency_key__in=chunk)
        per_key.update(rows.values_list("idempotency_key", flat=True))
    extra = signatures.exclude(idempotency_key__in=set(logged)).count()
    emails = Count("deliveries", filter=Q(deliveries__kind=EMAIL_THANKS))
    bad_outbox = signatures.annotate(emails=emails).exclude(emails=1).count()
    return per_key, extra, bad_outbox


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or stack.DEFAULT_DATABASE_URL,
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", stack.DEFAULT_REDIS_URL)
    )
    options = parser.parse_args(argv)
    env = stack.bench_environment(options.database_url, options.redis_url)
    key = stack.prepare(env)["demo"]
    KEYS_LOG.unlink(missing_ok=True)
    with stack.gunicorn(env, options.workers) as server:
        load = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [
                sys.executable, "-m", "bench.load", "--url", server.url,
                "--scenario", "sign", "--key", key, "--retry", "--warmup", "0",
                "--duration", str(options.duration),
                "--concurrency", str(options.concurrency),
                "--log-keys", str(KEYS_LOG),
            ],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        every = options.duration / (options.kills + 1)
        kills = _kill_workers(server, options.kills, every)
        result = json.loads(load.communicate()[0])
    os.environ.update(env)
    django.setup()
    lines = KEYS_LOG.read_text().splitlines() if KEYS_LOG.exists() else []
    logged = [line.split()[0] for line in lines]
    per_key, extra, bad_outbox = _stored(key, logged)
    missing = sum(1 for k in set(logged) if per_key[k] == 0)
    twice = sum(1 for count in per_key.values() if count > 1)
    say(
        f"{kills} workers killed with SIGKILL during {result['seconds']} s of "
        f"signing; {len(logged)} keys got a 202 ({result['retries']} retries, "
        f"{result['exceptions']} connection errors, {result['gave_up']} given up, "
        f"statuses {result['statuses']})"
    )
    say(
        f"stored: {len(per_key)} of {len(set(logged))} keys; missing {missing}; "
        f"stored twice {twice}; stored without a 202 {extra}; "
        f"signatures without exactly one email in the outbox {bad_outbox}"
    )
    ok = missing == twice == bad_outbox == 0 and len(set(logged)) == len(logged)
    say("crash safety: " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
