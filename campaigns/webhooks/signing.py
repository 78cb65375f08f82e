"""The webhook signature: HMAC-SHA256 over `<timestamp>.<raw body>`, and the secret."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from campaigns.models import Partner

SCHEME = "v1"


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    """Return the `Undersign-Signature` value for `body` sent at `timestamp`."""
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"{SCHEME}={digest}"


def webhook_secret_rotate(partner: Partner) -> str:
    """Give `partner` a new signing secret and return it; only its ciphertext is kept.

    The old secret stops signing at once, so the partner must update their receiver.
    """
    secret = "whsec_" + secrets.token_urlsafe(32)
    partner.webhook_key = secret
    partner.save(update_fields=["webhook_secret"])
    return secret
