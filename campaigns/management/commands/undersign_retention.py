"""Anonymize the signatures of campaigns whose retention date has passed, now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from campaigns.retention import anonymize_batch, anonymize_expired, holding_data


class Command(BaseCommand):
    help = (
        "Remove signers' details from every campaign whose 'keep data until' date "
        "has passed; counts, postal codes and consents stay. Safe to run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count, change nothing."
        )
        parser.add_argument("--batch", type=int, default=500, help="Rows per batch.")

    def handle(self, *args: Any, dry_run: bool, batch: int, **options: Any) -> None:
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        if dry_run:
            count = anonymize_expired(dry_run=True)
            self.stdout.write(f"Would anonymize {count} signatures.")
            return
        done = 0
        with tqdm(
            total=holding_data().count(), unit="signature", file=self.stderr
        ) as bar:
            while changed := anonymize_batch(batch_size=batch):
                done += changed
                bar.update(changed)
        self.stdout.write(f"Anonymized {done} signatures.")
