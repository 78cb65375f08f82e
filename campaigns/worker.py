"""The plugin's one background process: drain the outbox and run periodic jobs.

`manage.py undersign_worker` calls `work()`. The outbox stays the durable record
of every delivery, with its attempts and lease; the periodic jobs are claimed by
a conditional update of their `JobRun` row, so any number of workers can run and
each job still runs once per interval. Every job is isolated: one that raises is
logged and recorded, and the others run on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.db.models import Q
from django.utils import timezone

from campaigns.conf import conf
from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.models import Delivery, JobRun
from campaigns.periodic import JOBS

logger = logging.getLogger(__name__)

PRESSURE = Path("/proc/pressure/cpu")
# Percent of the last 10 s in which a task waited for a CPU: the machine is full.
SATURATED_PRESSURE = 25.0


@dataclass(frozen=True)
class JobResult:
    name: str
    count: int | None  # None: the job raised
    error: str = ""


def _claim(name: str, now: datetime, every: timedelta) -> bool:
    """Return `True` if this worker may run job `name` now (and mark it started)."""
    JobRun.objects.get_or_create(name=name)
    claimed = JobRun.objects.filter(
        Q(started_at__isnull=True) | Q(started_at__lte=now - every), name=name
    ).update(started_at=now)
    return claimed == 1


def _run(name: str, job: Callable[[], int]) -> JobResult:
    try:
        count = job()
    except Exception as error:  # noqa: BLE001 - one job's failure stops no other
        logger.exception("periodic job %s failed", name)
        JobRun.objects.filter(name=name).update(last_error=type(error).__name__)
        return JobResult(name, None, type(error).__name__)
    JobRun.objects.filter(name=name).update(succeeded_at=timezone.now(), last_error="")
    return JobResult(name, count)


def run_periodic(*, force: bool = False) -> Iterator[JobResult]:
    """Run every periodic job that is due (every one if `force`), each isolated."""
    every = timedelta(seconds=0 if force else conf.PERIODIC_SECONDS)
    for name, job in JOBS.items():
        if _claim(name, timezone.now(), every):
            yield _run(name, job)


def cpu_saturated() -> bool:
    """Return `True` while every CPU of the machine is taken.

    Read from Linux's pressure stall information (the share of the last 10 s in
    which some task waited for a CPU), else from the 1-minute load average
    against the number of CPUs.
    """
    try:
        some = PRESSURE.read_text().splitlines()[0].split()
        return float(some[1].removeprefix("avg10=")) >= SATURATED_PRESSURE
    except (OSError, IndexError, ValueError):
        pass
    try:
        return os.getloadavg()[0] >= (os.cpu_count() or 1)
    except OSError:
        return False


def drain(batch: int = 50) -> int:
    """Run due deliveries until none is left; return how many were attempted."""
    total = 0
    while done := dispatch_once(batch):
        total += done
    return total


def overdue() -> list[str]:
    """Return what the worker should have done by now; empty when all is well.

    A delivery due for longer than `UNDERSIGN_OVERDUE_SECONDS`, or a periodic
    job that has not succeeded within its interval plus that time, means no
    worker is running (or one keeps failing).
    """
    now = timezone.now()
    late = timedelta(seconds=conf.OVERDUE_SECONDS)
    problems = []
    waiting = Delivery.objects.filter(
        state=Delivery.State.PENDING, next_attempt_at__lt=now - late
    ).count()
    if waiting:
        problems.append(f"{waiting} deliveries (emails, webhooks) are overdue")
    cutoff = now - late - timedelta(seconds=conf.PERIODIC_SECONDS)
    succeeded = dict(JobRun.objects.values_list("name", "succeeded_at"))
    for name in JOBS:
        last = succeeded.get(name)
        if last is None or last < cutoff:
            when = "has never run" if last is None else "is overdue"
            problems.append(f"the periodic job {name} {when}")
    return problems
