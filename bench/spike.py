"""The spike: a minute of signing with the background worker running, and after it
how long the public count lags and how long the outbox takes to drain.

Run by `bench/run.py` inside its gunicorn (`--spike-seconds`, `--only-spike`):

1. `manage.py undersign_worker` starts beside the site and first sends whatever
   the main table queued (timed: the worker's rate alone).
2. The load signs into the bench's `spike` campaign (fresh, so its count starts at
   zero) with unique addresses and idempotency keys, logging each 202 with its time.
3. Meanwhile, and after, a thread reads the public count every `SAMPLE_EVERY`
   seconds. Count lag is the worst of (signings acknowledged by a sample's reply −
   count it showed), and the longest an acknowledged signing waited until every
   later sample counted it (so sampling adds up to `SAMPLE_EVERY` to that time).
4. Backlog drain: seconds from the spike's end until every acknowledged key is a
   stored signature and no outbox row of the spike's signatures is pending,
   polled in PostgreSQL every `SAMPLE_EVERY` seconds; given up after `DRAIN_LIMIT`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import threading
import time
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import django
import httpx

from bench import stack

SAMPLE_EVERY = 0.5
# How often the drain is checked: each check costs the database a count.
DRAIN_POLL_EVERY = 2.0
DRAIN_LIMIT = 600.0
KEYS_LOG = stack.LOGS / "spike-keys.txt"


@dataclass
class SpikeResult:
    load: dict[str, Any]
    earlier: tuple[int, float | None]  # main-table emails pending; seconds to send
    behind: int  # worst signings acknowledged but not yet counted
    wait: float  # worst seconds until an acknowledged signing was counted
    backlog: int  # the spike's emails pending at its end
    drain: float | None  # seconds from its end until all stored and sent
    failed: int  # the spike's deliveries that failed for good
    cpu: dict[str, float]  # CPU seconds per process group during the spike


class CountSampler(threading.Thread):
    """Read a campaign's public count every `SAMPLE_EVERY` seconds until stopped."""

    def __init__(self, url: str, key: str) -> None:
        super().__init__(daemon=True)
        self.url = f"{url}/api/v1/campaigns/{key}/stats/"
        self.samples: list[tuple[float, int]] = []  # (Unix time of reply, count)
        self.stopped = threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=5) as client:
            while not self.stopped.is_set():
                started = time.monotonic()
                try:
                    count = client.get(self.url).json()["count"]
                except (httpx.HTTPError, ValueError, KeyError):
                    count = None  # a missed sample only coarsens the figures
                if count is not None:
                    self.samples.append((time.time(), count))
                self.stopped.wait(SAMPLE_EVERY - (time.monotonic() - started))


def count_lag(
    acked_at: list[float], samples: list[tuple[float, int]]
) -> tuple[int, float]:
    """Return the worst (signings acknowledged − count shown) over `samples`, and
    the longest an acknowledged signing took until every later sample showed it
    (`inf` if the last sample still did not)."""
    acked_at = sorted(acked_at)
    behind = max((bisect_right(acked_at, at) - n for at, n in samples), default=0)
    # Each gunicorn worker keeps its own replay of the reply, so consecutive
    # samples may disagree: a signing is shown once no later sample drops below.
    settled = list(accumulate(reversed([n for _, n in samples]), min))[::-1]
    wait, i = 0.0, 0
    for k, at in enumerate(acked_at, start=1):
        while i < len(samples) and (samples[i][0] < at or settled[i] < k):
            i += 1
        if i == len(samples):
            return max(behind, 0), float("inf")
        wait = max(wait, samples[i][0] - at)
    return max(behind, 0), wait


def _due() -> int:
    """Return the outbox rows pending and due now, whatever their campaign."""
    from django.utils import timezone

    from campaigns.models import Delivery

    pending = Delivery.objects.filter(state=Delivery.State.PENDING)
    return pending.filter(next_attempt_at__lte=timezone.now()).count()


def _pending(key: str) -> int:
    """Return the outbox rows of campaign `key`'s signatures still pending."""
    from campaigns.models import Delivery

    rows = Delivery.objects.filter(signature__campaign__public_key=key)
    return rows.filter(state=Delivery.State.PENDING).count()


def _failed(key: str) -> int:
    """Return the outbox rows of campaign `key`'s signatures that failed for good."""
    from campaigns.models import Delivery

    rows = Delivery.objects.filter(signature__campaign__public_key=key)
    return rows.filter(state=Delivery.State.FAILED).count()


def _unstored(key: str, logged: list[str]) -> int:
    """Return how many of the `logged` idempotency keys have no signature yet."""
    from campaigns.models import Signature

    signatures = Signature.objects.filter(campaign__public_key=key)
    found = 0
    for start in range(0, len(logged), 5000):
        chunk = logged[start : start + 5000]
        found += signatures.filter(idempotency_key__in=chunk).count()
    return len(logged) - found


def _until(
    done: Callable[[], bool], worker: subprocess.Popen[bytes], since: float
) -> float | None:
    """Poll `done` until it holds; return seconds since `since` (Unix time), or
    `None` after `DRAIN_LIMIT`. Stops the bench if the worker has died."""
    while time.time() - since < DRAIN_LIMIT:
        if worker.poll() is not None:
            raise SystemExit(f"undersign_worker exited; see {stack.LOGS}/worker.log")
        if done():
            return time.time() - since
        time.sleep(DRAIN_POLL_EVERY)
    return None


def _cpu_now(server: stack.Server, worker: subprocess.Popen[bytes]) -> dict[str, float]:
    """Return the CPU seconds used so far by each group the spike reports."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "gunicorn": stack.cpu_seconds([server.process.pid, *server.worker_pids()]),
        "worker": stack.cpu_seconds([worker.pid]),
        "load": usage.ru_utime + usage.ru_stime,  # the load process, once reaped
        "machine": stack.machine_cpu_seconds(),
    }


def _sign(env: dict[str, str], options: argparse.Namespace, url: str, key: str) -> dict:
    """Sign into campaign `key` for `--spike-seconds`; return the load's figures."""
    KEYS_LOG.unlink(missing_ok=True)
    args = {
        "url": url,
        "scenario": "sign",
        "key": key,
        "warmup": 0,
        "duration": options.spike_seconds,
        "concurrency": options.concurrency,
        "max-requests": options.max_requests,
        "processes": options.load_processes,
        "log-keys": KEYS_LOG,
    }
    flags = (f"--{name}={value}" for name, value in args.items())
    return json.loads(stack.python_module(env, "bench.load", *flags))


def run(
    env: dict[str, str], options: argparse.Namespace, server: stack.Server, key: str
) -> SpikeResult:
    """Start the worker, let it send what is queued, sign for `--spike-seconds`
    into campaign `key`, and measure the count's lag and the backlog's drain."""
    os.environ.update(env)
    django.setup()
    with stack.undersign_worker(env) as worker:
        queued, started = _due(), time.time()
        earlier = (queued, _until(lambda: _due() == 0, worker, started))
        sampler = CountSampler(server.url, key)
        sampler.start()
        before = _cpu_now(server, worker)
        load = _sign(env, options, server.url, key)
        ended = time.time()
        after = _cpu_now(server, worker)
        logged = [line.split() for line in KEYS_LOG.read_text().splitlines()]
        keys = [k for k, _ in logged]
        backlog = _pending(key)
        # Each check is a query of its own: once every signing is stored, only
        # the outbox is polled, so the polling does not slow the worker it waits on.
        drain = _until(lambda: _unstored(key, keys) == 0, worker, ended) and _until(
            lambda: _pending(key) == 0, worker, ended
        )

        def counted() -> bool:
            return bool(sampler.samples) and sampler.samples[-1][1] >= len(keys)

        _until(counted, worker, ended)
        sampler.stopped.set()
        sampler.join()
    behind, wait = count_lag([float(at) for _, at in logged], sampler.samples)
    cpu = {name: after[name] - before[name] for name in before}
    return SpikeResult(load, earlier, behind, wait, backlog, drain, _failed(key), cpu)


def report(result: SpikeResult, options: argparse.Namespace, bare: float) -> list[str]:
    """Return the spike's lines of the report; throughput as a share of `bare`."""
    load = result.load
    lines = [
        f"\nspike: {options.spike_seconds:g} s of signing at {options.concurrency} "
        "connections, worker running",
        *_earlier_lines(*result.earlier),
        f"{'acknowledged':>12}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
        f"{'× bare':>8}",
        f"{load['stored']:>12}{load['rps']:>9.0f}{load['p50']:>9.1f}"
        f"{load['p99']:>9.1f}{load['errors'] + load['exceptions']:>8}"
        f"{load['rps'] / bare:>8.2f}",
        f"count lag: worst {result.behind} signings / {result.wait:.1f} s behind "
        "the acknowledged",
    ]
    if result.drain is None:
        lines.append(
            f"backlog: {result.backlog} emails pending at the spike's end, "
            f"not drained {DRAIN_LIMIT:.0f} s after it: gave up"
        )
    else:
        lines.append(
            "backlog: every acknowledged signing stored and its emails sent "
            f"{result.drain:.1f} s after the spike ({result.backlog} emails pending "
            "at its end)"
        )
    if result.failed:
        lines.append(f"backlog: {result.failed} of the spike's deliveries FAILED")
    return [*lines, _cpu_line(result.cpu, load["seconds"])]


def _earlier_lines(queued: int, seconds: float | None) -> list[str]:
    """Report how the worker alone sent what the main table had queued."""
    if not queued:
        return []
    if seconds is None:
        return [
            f"(the worker had not sent the {queued} queued emails after "
            f"{DRAIN_LIMIT:.0f} s; the spike started anyway)"
        ]
    rate = queued / max(seconds, SAMPLE_EVERY)
    return [
        f"(first the worker sent the {queued} emails queued by the table above "
        f"in {seconds:.1f} s from its start: {rate:.0f}/s with the site idle)"
    ]


def _cpu_line(cpu: dict[str, float], seconds: float) -> str:
    """Report who used the cores during the spike (the rest is mostly PostgreSQL
    on a quiet machine, and whatever else runs on a busy one)."""
    listed = cpu["gunicorn"] + cpu["worker"] + cpu["load"]
    return (
        f"cpu during the spike, of {os.cpu_count()} × {seconds:.0f} s: "
        f"gunicorn {cpu['gunicorn']:.0f} s, worker {cpu['worker']:.0f} s, "
        f"load {cpu['load']:.0f} s, the rest of the machine (PostgreSQL, Redis, "
        f"anything else running) {cpu['machine'] - listed:.0f} s"
    )
