"""The record a partner receives for a signer: OSDI's person and signature shape.

Action Network and EveryAction read this shape; the API and the webhooks send the
same record, and the consent text the signer saw travels with it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from campaigns.models import Signature

IDENTIFIER_PREFIX = "undersign"


def identifier(signature: Signature) -> str:
    """Return the stable, opaque id partners dedupe a signer's record on."""
    return f"{IDENTIFIER_PREFIX}:{signature.pk}"


def _date(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def petition(signature: Signature, title: str) -> dict[str, str]:
    """Return the petition part of a record: the campaign's permanent key and title."""
    key = signature.campaign.public_key
    return {"identifier": f"{IDENTIFIER_PREFIX}:{key}", "key": key, "title": title}


def _person(signature: Signature) -> dict[str, Any]:
    identity = signature.identity
    if identity is None:
        return {}
    person: dict[str, Any] = {
        "given_name": identity.first_name,
        "family_name": identity.last_name,
        "email_addresses": [{"address": identity.email, "primary": True}],
        "postal_addresses": [],
    }
    if signature.postal_code or signature.country:
        person["postal_addresses"].append(
            {"postal_code": signature.postal_code, "country": signature.country}
        )
    if identity.phone:
        person["phone_numbers"] = [{"number": identity.phone, "primary": True}]
    return person


def _consent(signature: Signature) -> dict[str, Any] | None:
    # Set by `consenting_signatures`: only the consent given to this partner.
    consents = getattr(signature, "partner_consents", [])
    if not consents:
        return None
    version = consents[0].version
    return {"version": version.pk, "text": version.text, "language": version.language}


def signer_record(signature: Signature, title: str) -> dict[str, Any]:
    """Return the record of a signature from `consenting_signatures`."""
    return {
        "identifier": identifier(signature),
        "person": _person(signature),
        "petition": petition(signature, title),
        "created_date": _date(signature.created_at),
        "confirmed_date": _date(signature.confirmed_at),
        "consent": _consent(signature),
        "source": signature.source,
        "language": signature.language,
    }


def withdrawal_record(signature: Signature, title: str) -> dict[str, Any]:
    """Return the notice that a signer sent earlier withdrew: no personal data."""
    return {
        "identifier": identifier(signature),
        "action": "withdrawn",
        "petition": petition(signature, title),
        "withdrawn_date": _date(signature.withdrawn_at),
    }
