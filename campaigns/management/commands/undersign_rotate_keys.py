"""Re-encrypt every identifier under the newest key, in batches, resumably."""

from __future__ import annotations

from typing import Any

from cryptography.fernet import InvalidToken
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from campaigns.rotation import (
    rotate_partner_secrets,
    rotate_signatures,
    stale_signatures,
)


class Command(BaseCommand):
    help = (
        "Re-encrypt signers' identifiers and partners' webhook secrets under the "
        "first key of UNDERSIGN_ENCRYPTION_KEYS. Safe to interrupt and run again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=500, help="Rows per batch.")

    def handle(self, *args: Any, batch: int, **options: Any) -> None:
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        try:
            secrets = rotate_partner_secrets()
            with tqdm(
                total=stale_signatures().count(), unit="signature", file=self.stderr
            ) as bar:
                while done := rotate_signatures(batch):
                    bar.update(done)
        except InvalidToken:
            raise CommandError(
                "A stored value was encrypted with a key that is no longer "
                "configured. Put the old key back in UNDERSIGN_ENCRYPTION_KEYS "
                "(after the new one) and run this again."
            ) from None
        left = stale_signatures().count()
        self.stdout.write(
            f"Rotated; {secrets} partner secrets re-encrypted; {left} signatures left."
        )
