"""`make bench`: the site under gunicorn, measured against its own bare Django view.

    .venv/bin/python -m bench.run [--workers 2,3,4] [--runs 3] [--duration 10]
                                  [--growth] [--profile]
                                  [--spike-seconds 60 | --only-spike]

Recreates the bench database (`DATABASE_URL`, default `undersign_bench` on local
PostgreSQL), migrates and seeds it, then for each worker count starts gunicorn and
runs every scenario `--runs` times from a separate load process; prints the
median of each figure and each scenario's throughput as a share of the bare view.
`--growth` also seeds 1,000,000 signatures into one campaign and compares signing
and stats there with an empty campaign. Bounded: every scenario stops at
`--duration` seconds or `--max-requests`, whichever comes first.

Then, in the last worker count's gunicorn, the spike (`bench/spike.py`): with
`manage.py undersign_worker` running, `--spike-seconds` (default 60; 0 skips it)
of signing at `--concurrency`, then how far the public count lagged and how long
the outbox took to drain. `--only-spike` skips the tables and measures only the
bare view beside it, for its `× bare`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from typing import Any

import httpx

from bench import spike, stack

SCENARIOS = ("bare", "sign", "detail", "stats")
FIGURES = ("rps", "p50", "p95", "p99", "errors", "exceptions")


def say(text: str) -> None:
    """Print one line of the report at once (the runs take a while)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def run_load(env: dict[str, str], options: argparse.Namespace, **kw: str) -> dict:
    """Run one scenario from a separate load process; return its figures."""
    args = [
        f"--{name.replace('_', '-')}={value}"
        for name, value in {
            "concurrency": options.concurrency,
            "duration": options.duration,
            "warmup": options.warmup,
            "max_requests": options.max_requests,
            "processes": options.load_processes,
            **kw,
        }.items()
    ]
    return json.loads(stack.python_module(env, "bench.load", *args))


def medians(results: list[dict[str, Any]]) -> dict[str, float]:
    """Return the median of each figure over the runs, and the errors' total."""
    row = {name: statistics.median(r[name] for r in results) for name in FIGURES}
    row["errors"] = sum(r["errors"] for r in results)
    row["exceptions"] = sum(r["exceptions"] for r in results)
    return row


def staleness_probe(url: str, key: str) -> float:
    """Sign once and return the seconds until the public count shows it."""
    stats = f"{url}/api/v1/campaigns/{key}/stats/"
    before = httpx.get(stats).json()["count"]
    body = {
        "email": f"probe-{time.time_ns()}@example.org",
        "first_name": "Probe",
        "last_name": "Bench",
    }
    signed = time.monotonic()
    headers = {"Origin": stack.PARTNER_ORIGIN}
    reply = httpx.post(
        f"{url}/api/v1/campaigns/{key}/signatures/", json=body, headers=headers
    )
    reply.raise_for_status()
    while time.monotonic() - signed < 3 * stack.COUNT_STALENESS:
        if httpx.get(stats).json()["count"] > before:
            return time.monotonic() - signed
        time.sleep(0.1)
    return float("inf")


def print_table(title: str, rows: dict[str, dict[str, float]], ceiling: str) -> None:
    """Print figures per scenario with each throughput as a share of `ceiling`."""
    say(f"\n{title}")
    say(
        f"{'scenario':<16}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'errors':>8}{'exc':>6}{'× bare':>8}"
    )
    base = rows[ceiling]["rps"] if ceiling in rows else float("nan")
    for name, row in rows.items():
        say(
            f"{name:<16}{row['rps']:>9.0f}{row['p50']:>9.1f}{row['p95']:>9.1f}"
            f"{row['p99']:>9.1f}{row['errors']:>8.0f}{row['exceptions']:>6.0f}"
            f"{row['rps'] / base:>8.2f}"
        )


def measure(
    env: dict[str, str], options: argparse.Namespace, url: str, plan: dict[str, dict]
) -> dict[str, dict[str, float]]:
    """Run each named load `plan` entry `--runs` times, interleaved; return medians."""
    results: dict[str, list[dict]] = {name: [] for name in plan}
    for _run in range(options.runs):
        for name, load in plan.items():
            results[name].append(run_load(env, options, url=url, **load))
    return {name: medians(found) for name, found in results.items()}


def main_tables(
    env: dict[str, str],
    options: argparse.Namespace,
    server: stack.Server,
    keys: dict[str, str],
) -> dict[str, float]:
    """Print the table and the staleness probes for `server`; return bare's row."""
    label = f"gunicorn {options.worker_class} × {server.workers}"
    plan = growth_plan(keys) if options.growth else main_plan(keys["demo"])
    rows = measure(env, options, server.url, plan)
    print_table(label, rows, "bare")
    probes = [staleness_probe(server.url, keys["demo"]) for _ in range(3)]
    say(f"count staleness: worst of 3 probes {max(probes):.1f} s")
    return rows["bare"]


def main_plan(key: str) -> dict[str, dict]:
    return {name: {"scenario": name, "key": key} for name in SCENARIOS}


def growth_plan(keys: dict[str, str]) -> dict[str, dict]:
    plan = {"bare": {"scenario": "bare"}}
    for name in ("empty", "million"):
        for scenario in ("sign", "stats"):
            plan[f"{scenario} {name}"] = {"scenario": scenario, "key": keys[name]}
    return plan


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="3", help="Comma-separated counts.")
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--load-processes", type=int, default=1)
    parser.add_argument("--growth", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--spike-seconds", type=float, default=60)
    parser.add_argument("--only-spike", action="store_true")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or stack.DEFAULT_DATABASE_URL,
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", stack.DEFAULT_REDIS_URL)
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    options = parse(argv)
    env = stack.bench_environment(options.database_url, options.redis_url)
    say(
        f"bench: {os.cpu_count()} CPUs, PostgreSQL {options.database_url}, "
        f"cache {'Redis' if options.redis_url else 'local memory'}, "
        f"{options.concurrency} connections, {options.duration:g} s per scenario, "
        f"{options.runs} runs (medians)",
    )
    keys = stack.prepare(env)
    if options.growth:
        started = time.monotonic()
        stack.python_module(env, "bench.seed_million", keys["million"])
        say(f"seeded 1,000,000 signatures in {time.monotonic() - started:.0f} s")
    counts = [int(count) for count in options.workers.split(",")]
    for workers in counts[-1:] if options.only_spike else counts:
        with stack.gunicorn(env, workers, options.worker_class) as server:
            if options.only_spike:
                bare = run_load(env, options, url=server.url, scenario="bare")
            else:
                bare = main_tables(env, options, server, keys)
            if options.spike_seconds and workers == counts[-1]:
                result = spike.run(env, options, server, keys["spike"])
                for line in spike.report(result, options, bare["rps"]):
                    say(line)
    if options.profile:
        say(stack.python_module(env, "bench.profile_signing", keys["demo"]))


if __name__ == "__main__":
    main(sys.argv[1:])
