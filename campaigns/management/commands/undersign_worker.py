"""The plugin's background process: deliveries and periodic jobs, in one place."""

from __future__ import annotations

import os
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.worker import cpu_saturated, drain, run_periodic

# How often the loop asks whether a periodic job is due (each job's own interval
# is UNDERSIGN_PERIODIC_SECONDS); between asks it only drains the outbox.
PERIODIC_POLL_SECONDS = 30.0
# Deliveries sent per pause while every CPU is taken.
SATURATED_BATCH = 5


class Command(BaseCommand):
    help = (
        "Send due emails and webhooks from the outbox and run the periodic jobs "
        "(expiry, retention, cleanup). Runs until stopped; --once for cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Drain the outbox, run every periodic job once, and exit.",
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds to sleep when idle."
        )
        parser.add_argument("--batch", type=int, default=50)
        parser.add_argument(
            "--nice",
            type=int,
            default=10,
            help=(
                "Lower the running worker's CPU priority by this much (0 keeps "
                "it; --once never changes it), so on a machine it shares with "
                "the web server a surge of signings gets the CPU and the emails "
                "follow. Default 10."
            ),
        )

    def handle(
        self,
        *args: Any,
        once: bool,
        interval: float,
        batch: int,
        nice: int,
        **kw: Any,
    ) -> None:
        if nice and not once:
            # Beside the web server, not in a cron run or a caller's process.
            os.nice(nice)
        next_periodic = 0.0
        while True:
            if once:
                sent = drain(batch)
            elif cpu_saturated():
                # Signers first: while the machine is full, emails trickle out
                # and the backlog is sent once the surge is over. Asked before
                # every batch, so a surge that starts mid-backlog is seen at once.
                dispatch_once(SATURATED_BATCH)
                sent = 0
            else:
                sent = dispatch_once(batch)
            if once or time.monotonic() >= next_periodic:
                self._run_periodic(force=once)
                next_periodic = time.monotonic() + PERIODIC_POLL_SECONDS
            if once:
                self.stdout.write(f"{sent} deliveries attempted")
                return
            if not sent:
                time.sleep(interval)

    def _run_periodic(self, *, force: bool) -> None:
        for result in run_periodic(force=force):
            if result.count is None:
                self.stderr.write(f"{result.name}: failed ({result.error})")
            else:
                self.stdout.write(f"{result.name}: {result.count}")
