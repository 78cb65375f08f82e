"""Signing helpers for the partner and webhook tests: through the one signing path."""

from __future__ import annotations

from typing import Any

from campaigns.crypto import email_index
from campaigns.models import CampaignPage, Partner, Signature
from campaigns.signing import SignatureInput, signature_create


def sign_through(
    page: CampaignPage,
    partner: Partner | None,
    email: str,
    *,
    consent: bool = True,
    **fields: Any,
) -> Signature:
    """Sign `page` through `partner`'s embed, ticking its consent box if `consent`."""
    defaults: dict[str, Any] = {"first_name": "Ana", "last_name": "Díaz"}
    defaults.update(fields)
    consents = [f"partner:{partner.slug}"] if partner and consent else []
    signature_create(
        page=page,
        data=SignatureInput(
            email=email,
            partner_key=partner.slug if partner else "",
            consents=consents,
            **defaults,
        ),
    )
    return Signature.objects.get(
        campaign__translation_key=page.translation_key, email_index=email_index(email)
    )
