"""CSV of a partner's consenting signers: streamed, safe to open in a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet

from campaigns.exports.safe_csv import csv_lines as safe_csv_lines
from campaigns.models import Signature
from campaigns.partners.opaque_ids import SIGNATURE, opaque_id
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


def _row(signature: Signature, title: str) -> list[object]:
    identity = signature.identity
    consent = signature.partner_consents[0].version  # type: ignore[attr-defined]
    return [
        # The id the partner's API and webhooks give this record.
        opaque_id(SIGNATURE, consent.partner_id or 0, signature.pk),
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


def csv_lines(signatures: QuerySet[Signature], batch: int = 500) -> Iterator[str]:
    """Yield the CSV's lines, reading the signatures `batch` at a time."""
    ids = signatures.order_by().values_list("campaign_id", flat=True).distinct()
    titles = campaign_titles(set(ids))
    rows = (
        _row(signature, titles.get(signature.campaign_id, ""))
        for signature in signatures.order_by("-created_at", "-id").iterator(batch)
    )
    return safe_csv_lines(HEADER, rows)
