"""Partner API tokens: shown once, stored only as a prefix and a SHA-256 digest."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from campaigns.models import Partner, PartnerToken

# Marks our tokens so secret scanners and people can recognise a leaked one.
TOKEN_PREFIX = "us_"  # noqa: S105 - a public marker, not a secret
PREFIX_LENGTH = 10
# Writing on every request would make each API call a write; a minute is enough
# to tell a partner which tokens are still in use.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def token_digest(plaintext: str) -> str:
    """Return the stored digest of a token."""
    return hashlib.sha256(plaintext.encode()).hexdigest()


def token_create(*, partner: Partner, label: str = "") -> tuple[PartnerToken, str]:
    """Create a token for `partner`; return it and its plaintext, which is not kept."""
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PartnerToken.objects.create(
        partner=partner,
        label=label,
        prefix=plaintext[:PREFIX_LENGTH],
        digest=token_digest(plaintext),
    )
    return token, plaintext


def token_revoke(token: PartnerToken) -> None:
    """Revoke `token`; it stops authenticating with the next request."""
    PartnerToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def token_authenticate(plaintext: str) -> PartnerToken | None:
    """Return the live token matching `plaintext`, noting its use; else `None`."""
    token = (
        PartnerToken.objects.filter(
            digest=token_digest(plaintext), revoked_at__isnull=True
        )
        .select_related("partner")
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        PartnerToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
