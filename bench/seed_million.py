"""Bulk-insert 1,000,000 confirmed signatures into one campaign (bench only).

    python -m bench.seed_million KEY [COUNT]   (bench environment; `run.py --growth`)

PostgreSQL `COPY` in batches of 100,000 rows, each batch its own transaction.
Rows are what counting and the uniqueness constraints see in production: unique
keyed blind indexes of distinct addresses, plain facets, confirmed over the last
30 days, a third of them consenting to be shown among recent signers. The
shortcut: no encrypted identifiers (an empty `identifiers`, as for anonymized
rows); nothing a count, a stats read or a signing's duplicate check reads needs
them, and encrypting a million rows would only make seeding slower.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import timedelta

import django

BATCH = 100_000
SPREAD = timedelta(days=30)
COLUMNS = (
    "campaign_id, partner_key, identifiers, key_id, email_index, email_domain, "
    "postal_code, country, language, source, status, moderation, "
    "moderation_reason, is_test, "
    "client_key, idempotency_key, request_digest, created_at, confirmed_at"
)


def _rows(
    campaign_id: int, start: int, stop: int, total: int
) -> Iterator[tuple[object, ...]]:
    from django.utils import timezone

    from campaigns.crypto import email_index

    first = timezone.now() - SPREAD
    step = SPREAD / total
    source = json.dumps({"utm_source": "seed"})
    for n in range(start, stop):
        at = first + step * n
        yield (
            campaign_id, "", "", "", email_index(f"seed-{n}@example.org"),
            "example.org", f"{10001 + n % 900}", "", "en", source, "confirmed",
            "ok", "", False, "", "", "", at, at,
        )  # fmt: skip


def _display_version(key: str) -> int:
    from campaigns.selectors import campaign_page_for_key
    from campaigns.signing.consents import consent_version, offered_consents

    page = campaign_page_for_key(key)
    if page is None:
        raise SystemExit(f"no live campaign {key!r}")
    display = next(c for c in offered_consents(page, None) if c.key == "display")
    return consent_version(display, "en").pk


def seed(key: str, total: int) -> None:
    """Insert `total` signatures into campaign `key`, with display consents."""
    from django.db import connection, transaction

    from campaigns.models import Campaign, Signature, SignatureConsent

    campaign = Campaign.objects.get(public_key=key)
    version = _display_version(key)
    table = Signature._meta.db_table
    for start in range(0, total, BATCH):
        with transaction.atomic(), connection.cursor() as cursor:
            statement = f"COPY {table} ({COLUMNS}) FROM STDIN"
            with cursor.cursor.copy(statement) as copy:
                for row in _rows(campaign.pk, start, min(start + BATCH, total), total):
                    copy.write_row(row)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {SignatureConsent._meta.db_table} (signature_id, version_id) "  # noqa: S608 - table names from our models
            f"SELECT id, %s FROM {table} WHERE campaign_id = %s AND id %% 3 = 0",
            [version, campaign.pk],
        )
        # A database at rest, as autovacuum leaves it: visibility map set, so
        # counting reads the index alone.
        cursor.execute(f"VACUUM ANALYZE {table}")
        cursor.execute(f"ANALYZE {SignatureConsent._meta.db_table}")


if __name__ == "__main__":
    django.setup()
    seed(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
