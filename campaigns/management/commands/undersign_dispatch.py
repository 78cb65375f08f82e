"""Run the delivery dispatcher: once, or in a loop until stopped."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from campaigns.deliveries.dispatcher import dispatch_once


class Command(BaseCommand):
    help = "Deliver due emails, webhooks and events from the outbox."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Run one batch and exit."
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds to sleep when idle."
        )
        parser.add_argument("--batch", type=int, default=50)

    def handle(
        self, *args: Any, once: bool, interval: float, batch: int, **kw: Any
    ) -> None:
        while True:
            done = dispatch_once(batch)
            if once:
                self.stdout.write(f"{done} deliveries attempted")
                return
            if not done:
                time.sleep(interval)
