"""Profile the signing path in-process: 200 signings through Django's test client.

    python -m bench.profile_signing KEY   (bench environment; run by `run.py --profile`)

Prints the queries per signing and pyinstrument's call tree (frames under 2 % of
the time hidden), the guide for what to make faster.
"""

from __future__ import annotations

import sys
import uuid

import django

SIGNINGS = 200


def profile(key: str) -> str:
    """Sign `SIGNINGS` times and return the report."""
    from django.db import connection
    from django.test import Client
    from pyinstrument import Profiler

    from bench.load import call_for

    client = Client(HTTP_HOST="127.0.0.1", HTTP_ORIGIN="http://127.0.0.1:8001")
    tag = uuid.uuid4().hex[:12]
    calls = [call_for("sign", key, tag, n) for n in range(SIGNINGS + 2)]
    # The first signing also warms up URL resolving and stores consent versions.
    client.post(calls[0].path, calls[0].body, content_type="application/json")
    queries: list[str] = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        client.post(calls[1].path, calls[1].body, content_type="application/json")
    profiler = Profiler(interval=0.0005)
    with profiler:
        for call in calls[2:]:
            reply = client.post(call.path, call.body, content_type="application/json")
            if reply.status_code != call.expected:
                raise SystemExit(f"signing failed: {reply.status_code}")
    seconds = profiler.last_session.duration if profiler.last_session else 0.0
    tree = profiler.output_text(unicode=True, color=False, time="percent_of_total")
    lines = [
        f"{len(queries)} queries per signing; "
        f"{seconds / SIGNINGS * 1000:.1f} ms per signing in-process",
        *[line for line in tree.splitlines() if _shown(line)],
    ]
    return "\n".join(lines)


def _shown(line: str) -> bool:
    """Keep frames of at least 2 % of the time (pyinstrument prints the share)."""
    head = line.strip(" │├└─").split(" ", 1)[0]
    try:
        return float(head.rstrip("%")) >= 2.0
    except ValueError:
        return bool(line.strip()) and "%" not in head


if __name__ == "__main__":
    django.setup()
    sys.stdout.write(profile(sys.argv[1]) + "\n")
