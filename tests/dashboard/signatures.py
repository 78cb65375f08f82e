"""Signatures for the dashboard tests, through the one signing path, then moved
in time or state with plain updates (as confirmation and moderation would)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from campaigns.models import CampaignPage, Partner, Signature
from tests.partners.signers import sign_through

_emails = iter(range(1_000_000))


def signed(
    page: CampaignPage,
    partner: Partner | None = None,
    *,
    at: datetime | None = None,
    consent: bool = True,
    **changes: Any,
) -> Signature:
    """Sign `page` (through `partner`), then set `created_at=at` and `changes`."""
    signature = sign_through(
        page, partner, f"signer{next(_emails)}@example.org", consent=consent
    )
    if at is not None:
        changes["created_at"] = at
    if changes:
        Signature.objects.filter(pk=signature.pk).update(**changes)
        signature.refresh_from_db()
    return signature
