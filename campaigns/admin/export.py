"""CSV of a partner's consenting signers: streamed, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet

from campaigns.models import Signature
from campaigns.partners.records import identifier
from campaigns.partners.selectors import campaign_titles

HEADER = [
    "identifier",
    "campaign",
    "given_name",
    "family_name",
    "email",
    "phone",
    "postal_code",
    "country",
    "language",
    "created",
    "confirmed",
    "consent_version",
    "consent_text",
]
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> str:
    """Return `value` as text a spreadsheet will show, never evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def _row(signature: Signature, title: str) -> list[str]:
    identity = signature.identity
    consent = signature.partner_consents[0].version  # type: ignore[attr-defined]
    cells: list[object] = [
        identifier(signature),
        title,
        identity.first_name if identity else "",
        identity.last_name if identity else "",
        identity.email if identity else "",
        identity.phone if identity else "",
        signature.postal_code,
        signature.country,
        signature.language,
        signature.created_at.isoformat(),
        signature.confirmed_at.isoformat() if signature.confirmed_at else "",
        consent.pk,
        consent.text,
    ]
    return [neutralize(cell) for cell in cells]


def csv_lines(signatures: QuerySet[Signature], batch: int = 500) -> Iterator[str]:
    """Yield the CSV's lines, reading the signatures `batch` at a time."""
    writer = csv.writer(_Echo())
    yield writer.writerow(HEADER)
    titles: dict[int, str] = {}
    chunk: list[Signature] = []
    for signature in signatures.order_by("-created_at", "-id").iterator(batch):
        chunk.append(signature)
        if len(chunk) == batch:
            yield from _write(writer, chunk, titles)
            chunk = []
    yield from _write(writer, chunk, titles)


def _write(
    writer: Any, chunk: Iterable[Signature], titles: dict[int, str]
) -> Iterator[str]:
    missing = {s.campaign_id for s in chunk} - set(titles)
    titles.update(campaign_titles(missing))
    for signature in chunk:
        yield writer.writerow(_row(signature, titles.get(signature.campaign_id, "")))
