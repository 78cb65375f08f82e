"""Changes to a stored signature's lifecycle: confirmation and withdrawal.

Each change is one conditional UPDATE, so two clicks, two workers or a click
racing the expiry job change a signature at most once; the deliveries it owes
are queued in the same transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from campaigns.conf import conf
from campaigns.deliveries.outbox import queue_confirmed, queue_withdrawn
from campaigns.models import Signature

# A withdrawn or expired signature has nothing left to withdraw.
WITHDRAWABLE = (
    Signature.Status.PENDING,
    Signature.Status.CONFIRMED,
    Signature.Status.ANONYMIZED,
)


class CannotConfirm(Exception):
    """The signature expired, was withdrawn or anonymized: it can no longer confirm."""


def _window_start() -> datetime:
    return timezone.now() - timedelta(days=conf.CONFIRMATION_DAYS)


def can_confirm(signature: Signature) -> bool:
    """Return `True` if `signature` is confirmed or may still be confirmed."""
    if signature.status == Signature.Status.CONFIRMED:
        return True
    return (
        signature.status == Signature.Status.PENDING
        and signature.created_at >= _window_start()
    )


def signature_confirm(*, signature: Signature) -> bool:
    """Confirm a pending signature so it counts; return `False` if already confirmed.

    Raises `CannotConfirm` once the confirmation window has passed (even before
    the expiry job ran) or the signature left the pending state another way.
    """
    now = timezone.now()
    with transaction.atomic():
        changed = Signature.objects.filter(
            pk=signature.pk,
            status=Signature.Status.PENDING,
            created_at__gte=_window_start(),
        ).update(status=Signature.Status.CONFIRMED, confirmed_at=now)
        if changed:
            queue_confirmed(signature)
    signature.refresh_from_db(fields=["status", "confirmed_at"])
    if changed:
        return True
    if signature.status == Signature.Status.CONFIRMED:
        return False
    raise CannotConfirm()


def signature_withdraw(*, signature: Signature) -> bool:
    """Withdraw a signature so it no longer counts; return `False` if nothing changed.

    "It wasn't me" means we should not hold the address: the identifiers and the
    blind index go at once, so the address's owner may still sign later. Partners
    that were sent the signature are told by webhook (by id, naming no one).
    """
    with transaction.atomic():
        changed = Signature.objects.filter(
            pk=signature.pk, status__in=WITHDRAWABLE
        ).update(
            status=Signature.Status.WITHDRAWN,
            withdrawn_at=timezone.now(),
            identifiers="",
            key_id="",
            email_index="",
        )
        if changed:
            queue_withdrawn(signature)
    signature.refresh_from_db(fields=["status", "withdrawn_at"])
    return bool(changed)
