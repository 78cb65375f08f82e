"""Periodic jobs, run by `manage.py undersign_worker` (campaigns/worker.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from campaigns.conf import conf
from campaigns.exports.background import exports_cleanup
from campaigns.models import Signature
from campaigns.retention import anonymize_expired
from campaigns.throttling import forget_client_keys


def expire_unconfirmed() -> int:
    """Mark pending signatures past the confirmation window as expired; return how many.

    Their identifiers are dropped at once: an unconfirmed address is kept no
    longer than the window the signer was told about.
    """
    cutoff = timezone.now() - timedelta(days=conf.CONFIRMATION_DAYS)
    return Signature.objects.filter(
        status=Signature.Status.PENDING, created_at__lt=cutoff
    ).update(status=Signature.Status.EXPIRED, identifiers="", key_id="", email_index="")


JOBS: dict[str, Callable[[], int]] = {
    "expire_unconfirmed": expire_unconfirmed,
    "retention": anonymize_expired,
    "forget_client_keys": forget_client_keys,
    "expired_exports": exports_cleanup,
}
