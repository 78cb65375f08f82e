"""Carrying a checked file from the preview to the confirmation, sealed.

The file travels back to the browser that uploaded it encrypted and
authenticated, bound to the user and the campaign, and usable for an hour: the
server keeps no copy of signer data between the two steps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cryptography.fernet import InvalidToken

from campaigns.crypto import fernet

MAX_AGE_SECONDS = 3600


@dataclass(frozen=True)
class Sealed:
    csv: bytes
    statement: str
    language: str


def seal(sealed: Sealed, *, user_id: str, campaign_id: int) -> str:
    """Return `sealed` encrypted for this user and campaign.

    The file's bytes follow the JSON of the rest after a NUL (which JSON never
    contains), so the token grows by a third of the file and no more.
    """
    meta = {
        "user": user_id,
        "campaign": campaign_id,
        "statement": sealed.statement,
        "language": sealed.language,
    }
    payload = json.dumps(meta).encode() + b"\0" + sealed.csv
    return fernet().encrypt(payload).decode()


def unseal(token: str, *, user_id: str, campaign_id: int) -> Sealed | None:
    """Return what `seal` sealed, or `None` if it is forged, stale or not theirs."""
    try:
        payload = fernet().decrypt(token.encode(), ttl=MAX_AGE_SECONDS)
        head, _nul, csv = payload.partition(b"\0")
        meta = json.loads(head)
    except (InvalidToken, ValueError):
        return None
    if meta.get("user") != user_id or meta.get("campaign") != campaign_id:
        return None
    return Sealed(csv, meta["statement"], meta["language"])
