"""The per-address limit: nobody can use our form to flood a mailbox."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from campaigns.conf import conf
from campaigns.deliveries.outbox import EMAIL_KINDS
from campaigns.models import Delivery, Signature


def emails_sent_last_day(email_index: str) -> int:
    """Return how many emails went to the address behind `email_index` in 24 hours.

    Counts sent emails of every campaign (signatures share the blind index) and
    leaves out suppressed ones, which are done with a note in `last_error`. The
    lookup starts from the indexed `email_index`, so it touches one person's rows.
    """
    since = timezone.now() - timedelta(hours=24)
    return Delivery.objects.filter(
        signature__email_index=email_index,
        kind__in=EMAIL_KINDS,
        state=Delivery.State.DONE,
        done_at__gte=since,
        last_error="",
    ).count()


def over_daily_limit(signature: Signature) -> bool:
    """Return `True` if one more email to `signature`'s address would pass the limit."""
    if not signature.email_index:
        return True  # no address to count against: nothing may be sent to it
    sent = emails_sent_last_day(signature.email_index)
    return sent >= conf.EMAILS_PER_ADDRESS_PER_DAY
