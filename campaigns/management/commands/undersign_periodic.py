"""Run the periodic jobs (expiry, and later retention): once, or every interval."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from campaigns.periodic import JOBS


class Command(BaseCommand):
    help = "Run Undersign's periodic jobs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--loop", type=float, default=0, help="Repeat every N seconds."
        )

    def handle(self, *args: Any, loop: float, **kwargs: Any) -> None:
        while True:
            for name, job in JOBS.items():
                self.stdout.write(f"{name}: {job()}")
            if not loop:
                return
            time.sleep(loop)
