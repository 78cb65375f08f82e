"""The load generator: fixed concurrency over HTTP/1.1 on loopback, in asyncio.

Runs in its own processes (never in the server's), prints one JSON result:

    python -m bench.load --url http://127.0.0.1:PORT --scenario sign --key KEY

Every scenario loops `concurrency` clients until `duration` seconds or
`max_requests` have passed, after an unmeasured warm-up. With `--retry`, a signing
that fails (exception or 5xx) is sent again with the same idempotency key and
body until it gets its 202. With `--log-keys`, every key that got a 202 is appended
to that file, one `KEY UNIX-TIME` line each (the time its 202 arrived).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PARTNER = "make-the-road"
PARTNER_ORIGIN = "http://127.0.0.1:8001"
RETRY_ATTEMPTS = 30


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    expected: int
    body: dict[str, Any] | None = None

    @property
    def idempotency_key(self) -> str:
        return str((self.body or {}).get("idempotency_key", ""))


def call_for(scenario: str, key: str, tag: str, n: int) -> Call:
    """Return the `n`th request of `scenario`; signings are unique by `tag` and `n`."""
    base = f"/api/v1/campaigns/{key}"
    if scenario == "bare":
        return Call("GET", "/bench/bare/", 200)
    if scenario == "detail":
        return Call("GET", f"{base}/?partner={PARTNER}", 200)
    if scenario == "stats":
        return Call("GET", f"{base}/stats/", 200)
    if scenario == "sign":
        body = {
            "email": f"bench-{tag}-{n}@example.org",
            "first_name": "Ada",
            "last_name": "Bench",
            "postal_code": "11201",
            "partner": PARTNER,
            "consents": ["organizer", f"partner:{PARTNER}", "display"],
            "source": {"utm_source": "bench", "referrer": PARTNER_ORIGIN},
            "idempotency_key": f"{tag}-{n}",
        }
        return Call("POST", f"{base}/signatures/", 202, body)
    raise SystemExit(f"unknown scenario {scenario!r}")


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    exceptions: int = 0
    retries: int = 0
    gave_up: int = 0
    # (idempotency key, Unix time of its 202) for every acknowledged signing.
    acknowledged: list[tuple[str, float]] = field(default_factory=list)


async def _send(address: tuple[str, int], call: Call) -> int:
    """Send `call` on a new connection and return the status.

    A hand-written HTTP/1.1 exchange: httpx itself saturated a core at ~270
    requests/s here, far below the server, so the client would have been measured.
    Sync gunicorn workers close every connection anyway; so do we.
    """
    body = json.dumps(call.body).encode() if call.body is not None else b""
    head = (
        f"{call.method} {call.path} HTTP/1.1\r\nHost: {address[0]}\r\n"
        # Browsers embedding the widget send an Origin; CORS is on the real path.
        f"Origin: {PARTNER_ORIGIN}\r\nAccept: application/json\r\n"
        "Connection: close\r\n"
    )
    if call.body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    reader, writer = await asyncio.open_connection(*address)
    try:
        writer.write(head.encode() + b"\r\n" + body)
        await writer.drain()
        reply = await reader.read()
    finally:
        writer.close()
    if not reply.startswith(b"HTTP/1."):
        raise ConnectionError("no HTTP reply")
    return int(reply[9:12])


async def _one(
    address: tuple[str, int], call: Call, tally: Tally, options: argparse.Namespace
) -> None:
    attempts = RETRY_ATTEMPTS if options.retry else 1
    for attempt in range(attempts):
        if attempt:
            tally.retries += 1
            await asyncio.sleep(min(0.05 * attempt, 0.5))
        started = time.perf_counter()
        try:
            status = await asyncio.wait_for(_send(address, call), options.timeout)
        except OSError as error:
            tally.exceptions += 1
            tally.statuses[type(error).__name__] += 1
            continue
        tally.latencies.append(time.perf_counter() - started)
        tally.statuses[str(status)] += 1
        if status == call.expected:
            if call.idempotency_key:
                tally.acknowledged.append((call.idempotency_key, time.time()))
            return
        tally.errors += 1
        if status < 500:
            break
    tally.gave_up += 1


async def _drive(options: argparse.Namespace, tag: str, seconds: float) -> Tally:
    tally = Tally()
    url = urlsplit(options.url)
    address = (url.hostname or "127.0.0.1", url.port or 80)
    deadline = time.monotonic() + seconds
    numbers = iter(range(options.max_requests))

    async def client_loop() -> None:
        for n in numbers:
            if time.monotonic() >= deadline:
                return
            call = call_for(options.scenario, options.key, tag, n)
            await _one(address, call, tally, options)

    await asyncio.gather(*(client_loop() for _ in range(options.concurrency)))
    return tally


def _process(options: argparse.Namespace, index: int) -> dict[str, Any]:
    """One load process: warm up, then measure; return its raw figures."""
    tag = f"{uuid.uuid4().hex[:12]}p{index}"
    if options.warmup:
        asyncio.run(_drive(options, f"{tag}w", options.warmup))
    started = time.monotonic()
    tally = asyncio.run(_drive(options, tag, options.duration))
    elapsed = time.monotonic() - started
    if options.log_keys:
        with Path(options.log_keys).open("a") as log:
            log.writelines(f"{key} {at:.3f}\n" for key, at in tally.acknowledged)
    return {"elapsed": elapsed, "tally": tally}


def _percentile(ordered: list[float], share: float) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def summarize(scenario: str, parts: list[dict[str, Any]]) -> dict[str, Any]:
    """Merge the processes' figures into one result: rates, percentiles, errors."""
    tallies: list[Tally] = [part["tally"] for part in parts]
    latencies = sorted(x for tally in tallies for x in tally.latencies)
    elapsed = max(part["elapsed"] for part in parts)
    statuses: Counter[str] = Counter()
    for tally in tallies:
        statuses.update(tally.statuses)
    answered = sum(int(count) for key, count in statuses.items() if key.isdigit())
    return {
        "scenario": scenario,
        "requests": answered,
        "seconds": round(elapsed, 2),
        "rps": round(answered / elapsed, 1),
        "p50": round(_percentile(latencies, 0.50), 1),
        "p95": round(_percentile(latencies, 0.95), 1),
        "p99": round(_percentile(latencies, 0.99), 1),
        "errors": sum(t.errors for t in tallies),
        "exceptions": sum(t.exceptions for t in tallies),
        "retries": sum(t.retries for t in tallies),
        "gave_up": sum(t.gave_up for t in tallies),
        "stored": sum(len(t.acknowledged) for t in tallies),
        "statuses": dict(statuses),
    }


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument(
        "--scenario", choices=["bare", "sign", "detail", "stats"], required=True
    )
    parser.add_argument("--key", default="ice-free-nyc")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--retry", action="store_true")
    parser.add_argument("--log-keys", default="")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    options = parse(argv)
    share = argparse.Namespace(**vars(options))
    share.concurrency = max(1, options.concurrency // options.processes)
    share.max_requests = max(1, options.max_requests // options.processes)
    if options.processes == 1:
        parts = [_process(share, 0)]
    else:
        with multiprocessing.Pool(options.processes) as pool:
            parts = pool.starmap(
                _process, [(share, index) for index in range(options.processes)]
            )
    sys.stdout.write(json.dumps(summarize(options.scenario, parts)) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
