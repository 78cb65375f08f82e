"""Standard Webhooks signatures (https://www.standardwebhooks.com), and the secrets.

A secret is `whsec_` and the base64 of 32 random bytes; the HMAC-SHA256 key is
those bytes. The signed content is `<webhook-id>.<webhook-timestamp>.<body>`, so
neither the id nor the time can be changed or replayed under another one. After
a rotation the old secret signs too, for `UNDERSIGN_WEBHOOK_SECRET_OVERLAP_HOURS`,
and the `webhook-signature` header carries one `v1,<base64>` per secret.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from django.utils import timezone

from campaigns import crypto
from campaigns.conf import conf
from campaigns.models import Partner

PREFIX = "whsec_"
SECRET_BYTES = 32


class UnusableSecret(ValueError):
    """A stored secret is not `whsec_` and base64 (one made before Standard
    Webhooks): the partner needs a new one."""


def secret_key(secret: str) -> bytes:
    """Return the HMAC key of a `whsec_` secret."""
    try:
        return base64.b64decode(secret.removeprefix(PREFIX), validate=True)
    except (binascii.Error, ValueError):
        raise UnusableSecret() from None


def signature_header(
    secrets_in_use: list[str], msg_id: str, timestamp: int, body: bytes
) -> str:
    """Return the `webhook-signature` value: `v1,<base64>` under each secret."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    return " ".join(
        "v1,"
        + base64.b64encode(
            hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
        ).decode()
        for secret in secrets_in_use
    )


def _stored(partner: Partner) -> dict[str, object]:
    return crypto.decrypt_json(partner.webhook_secret) if partner.webhook_secret else {}


def previous_signs_until(partner: Partner) -> datetime | None:
    """Return until when the secret before the current one goes on signing."""
    until = _stored(partner).get("previous_until")
    return datetime.fromisoformat(str(until)) if until else None


def signing_secrets(partner: Partner, now: datetime | None = None) -> list[str]:
    """Return the secrets that sign `partner`'s webhooks now: the current one, and
    the one before it while the rotation's overlap lasts."""
    stored = _stored(partner)
    current = [str(stored["secret"])] if stored.get("secret") else []
    until = previous_signs_until(partner)
    if not (current and stored.get("previous") and until):
        return current
    if until <= (now or timezone.now()):
        return current
    return [*current, str(stored["previous"])]


def webhook_secret_rotate(partner: Partner) -> str:
    """Give `partner` a new signing secret and return it; only its ciphertext is kept.

    The old secret goes on signing alongside the new one for the overlap, so the
    partner can move their receiver to the new secret without missing a delivery.
    """
    secret = PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()
    stored: dict[str, object] = {"secret": secret}
    previous = _stored(partner).get("secret")
    hours = conf.WEBHOOK_SECRET_OVERLAP_HOURS
    if previous and hours > 0:
        until = timezone.now() + timedelta(hours=hours)
        stored.update(previous=previous, previous_until=until.isoformat())
    partner.webhook_secret = crypto.encrypt_json(stored)
    partner.save(update_fields=["webhook_secret"])
    return secret
