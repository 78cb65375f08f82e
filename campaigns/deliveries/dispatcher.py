"""Claim due deliveries under a lease, run them, reschedule failures with backoff."""

from __future__ import annotations

import logging
import random
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from campaigns.conf import conf
from campaigns.deliveries.registry import DeliveryError, handler_for
from campaigns.models import Delivery

logger = logging.getLogger(__name__)


def claim_due(limit: int = 50) -> list[Delivery]:
    """Lease up to `limit` due deliveries to this worker and return them.

    On PostgreSQL, `SKIP LOCKED` lets any number of dispatchers claim side by side;
    a lease that runs out (a crashed worker) makes the row due again.
    """
    now = timezone.now()
    with transaction.atomic():
        due = Delivery.objects.filter(
            Q(leased_until__isnull=True) | Q(leased_until__lt=now),
            state=Delivery.State.PENDING,
            next_attempt_at__lte=now,
        ).order_by("next_attempt_at")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:limit])
        Delivery.objects.filter(pk__in=ids).update(
            leased_until=now + timedelta(seconds=conf.DELIVERY_LEASE_SECONDS),
            attempts=F("attempts") + 1,
        )
    return list(Delivery.objects.filter(pk__in=ids).order_by("next_attempt_at"))


def backoff(attempts: int) -> timedelta:
    """Return the wait before the next attempt: doubling from 30 s, at most 6 h."""
    seconds = min(30 * 2 ** max(attempts - 1, 0), 6 * 3600)
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))  # noqa: S311


def run(delivery: Delivery) -> bool:
    """Run one claimed delivery and record the result; return `True` on success."""
    try:
        handler_for(delivery.kind)(delivery)
    except Exception as error:  # noqa: BLE001 - any failure must only reschedule
        message = (
            str(error) if isinstance(error, DeliveryError) else type(error).__name__
        )
        failed = delivery.attempts >= conf.DELIVERY_MAX_ATTEMPTS
        Delivery.objects.filter(pk=delivery.pk).update(
            state=Delivery.State.FAILED if failed else Delivery.State.PENDING,
            next_attempt_at=timezone.now() + backoff(delivery.attempts),
            leased_until=None,
            last_error=message[:200],
        )
        logger.warning(
            "delivery %s (%s) attempt %s failed: %s",
            delivery.pk,
            delivery.kind,
            delivery.attempts,
            message,
        )
        return False
    Delivery.objects.filter(pk=delivery.pk).update(
        state=Delivery.State.DONE,
        done_at=timezone.now(),
        leased_until=None,
        last_error="",
    )
    return True


def dispatch_once(limit: int = 50) -> int:
    """Claim and run one batch; return how many deliveries were attempted."""
    batch = claim_due(limit)
    for delivery in batch:
        run(delivery)
    return len(batch)
