"""Claim due deliveries under a lease, run them, reschedule failures with backoff."""

from __future__ import annotations

import logging
import random
from collections import defaultdict
from contextlib import ExitStack
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from campaigns.conf import conf
from campaigns.deliveries.registry import (
    BatchHandler,
    DeliveryError,
    DeliverySkipped,
    Handler,
    batch_handler_for,
    handler_for,
)
from campaigns.models import Delivery

logger = logging.getLogger(__name__)

# Kinds retried until a time after their creation rather than for a number of
# attempts: a partner's endpoint may be down for hours, then the row fails.
_retry_windows: dict[str, timedelta] = {}


def retry_for(kind: str, window: timedelta) -> None:
    """Retry deliveries of `kind` until `window` after creation, then fail them."""
    _retry_windows[kind] = window


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


def _after_failure(delivery: Delivery) -> tuple[bool, datetime]:
    """Return whether `delivery` has failed for good, and when to try it next."""
    now = timezone.now()
    next_at = now + backoff(delivery.attempts)
    window = _retry_windows.get(delivery.kind)
    if window is None:
        return delivery.attempts >= conf.DELIVERY_MAX_ATTEMPTS, next_at
    # The last attempt is made at the deadline itself, not skipped by a long wait.
    deadline = delivery.created_at + window
    return now >= deadline, min(next_at, deadline)


def _one_at_a_time(delivery: Delivery) -> None:
    handler_for(delivery.kind)(delivery)


def run(delivery: Delivery, handler: Handler = _one_at_a_time) -> bool:
    """Run one claimed delivery (with `handler`, else its kind's) and record the
    result; return `True` on success."""
    try:
        handler(delivery)
    except DeliverySkipped as skipped:
        _mark_done(delivery, note=str(skipped))
        return True
    except Exception as error:  # noqa: BLE001 - any failure must only reschedule
        message = (
            str(error) if isinstance(error, DeliveryError) else type(error).__name__
        )
        failed, next_at = _after_failure(delivery)
        Delivery.objects.filter(pk=delivery.pk).update(
            state=Delivery.State.FAILED if failed else Delivery.State.PENDING,
            next_attempt_at=next_at,
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
    _mark_done(delivery)
    return True


def _mark_done(delivery: Delivery, note: str = "") -> None:
    Delivery.objects.filter(pk=delivery.pk).update(
        state=Delivery.State.DONE,
        done_at=timezone.now(),
        leased_until=None,
        last_error=note[:200],
    )


def _failing(error: Exception) -> Handler:
    def handler(delivery: Delivery) -> None:
        raise error

    return handler


def _open_handlers(batch: list[Delivery], stack: ExitStack) -> dict[str, Handler]:
    """Open the batch handlers `batch` needs in `stack`; return them by kind.

    A batch handler that cannot open fails its deliveries, which are rescheduled.
    """
    groups: dict[BatchHandler, list[Delivery]] = defaultdict(list)
    for delivery in batch:
        if (opener := batch_handler_for(delivery.kind)) is not None:
            groups[opener].append(delivery)
    handlers: dict[str, Handler] = {}
    for opener, deliveries in groups.items():
        try:
            handler = stack.enter_context(opener(deliveries))
        except Exception as error:  # noqa: BLE001 - any failure must only reschedule
            handler = _failing(error)
        handlers.update((delivery.kind, handler) for delivery in deliveries)
    return handlers


def dispatch_once(limit: int = 50) -> int:
    """Claim and run one batch; return how many deliveries were attempted.

    Each delivery is recorded as soon as it has run, so a worker that dies
    mid-batch sends again (after the lease) only the one it was sending.
    """
    batch = claim_due(limit)
    with ExitStack() as stack:
        handlers = _open_handlers(batch, stack)
        for delivery in batch:
            run(delivery, handlers.get(delivery.kind, _one_at_a_time))
    return len(batch)
