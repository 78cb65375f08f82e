"""Export memory stays flat: 50,000 rows need about what 5,000 do."""

from __future__ import annotations

import tracemalloc
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from campaigns.exports.query import ExportQuery, export_signatures
from campaigns.exports.rows import signer_rows
from campaigns.exports.safe_csv import csv_lines
from campaigns.models import Campaign, Signature
from campaigns.models.signature import SignerIdentity

# Encrypting each row would dominate the test's time; a few distinct encrypted
# identities, cycled, still make every row decrypt and write on its own.
DISTINCT_IDENTITIES = 50


def _identities() -> list[tuple[str, str]]:
    template = Signature()
    blobs = []
    for n in range(DISTINCT_IDENTITIES):
        template.identity = SignerIdentity(
            email=f"signer{n}@example.org", first_name=f"Name{n}", last_name="Díaz"
        )
        blobs.append((template.identifiers, template.key_id))
    return blobs


def _seed(campaign: Campaign, count: int, start: int) -> None:
    """Insert `count` confirmed signatures in one statement (models would be slow)."""
    blobs = _identities()
    now = timezone.now()
    rows = [
        (
            campaign.pk,
            *blobs[n % DISTINCT_IDENTITIES],
            f"{n:064x}",
            f"{n % 99999:05d}",
            now - timedelta(seconds=n),
        )
        for n in range(start, start + count)
    ]
    table = Signature._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (campaign_id, identifiers, key_id, email_index, "  # noqa: S608
            "postal_code, created_at, confirmed_at, partner_key, email_domain, "
            "country, language, source, status, moderation, moderation_reason, "
            "is_test, client_key, idempotency_key, request_digest) VALUES "
            "(%s, %s, %s, %s, %s, %s, %s, '', 'example.org', '', 'en', '{}', "
            "'confirmed', 'ok', '', false, '', '', '')",
            [(*row, row[-1]) for row in rows],
        )


def _peak_bytes(campaign: Campaign, path) -> int:
    query = ExportQuery(campaign_ids=(campaign.pk,), filters={})
    header, rows = signer_rows(export_signatures(query), query.campaigns())
    tracemalloc.start()
    try:
        with path.open("w", encoding="utf-8", newline="") as out:
            for line in csv_lines(header, rows):
                out.write(line)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_for_50000_rows_is_not_above_that_for_5000(
    page, campaign, tmp_path
):
    _seed(campaign, 5_000, 0)
    small = _peak_bytes(campaign, tmp_path / "small.csv")
    _seed(campaign, 45_000, 5_000)
    large = _peak_bytes(campaign, tmp_path / "large.csv")

    assert sum(1 for _line in (tmp_path / "large.csv").open()) == 50_001
    # Ten times the rows: a growing buffer would show as several times the peak.
    assert large < small * 1.5 + 512 * 1024, (small, large)
