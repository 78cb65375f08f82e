"""The per-address limits: nobody can use our forms to flood a mailbox, or to
starve a person of the emails they ask for."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from campaigns.conf import conf
from campaigns.deliveries.outbox import EMAIL_ALREADY_SIGNED
from campaigns.models import Delivery, Signature


def emails_sent_last_day(email_index: str, kind: str) -> int:
    """Return how many emails of `kind` went to the address behind `email_index` in
    24 hours.

    Counts sent emails of every campaign (signatures share the blind index) and
    leaves out suppressed ones, which are done with a note in `last_error`. The
    address's signatures are found first, then their deliveries, each along its
    own index: as one join, a planner without fresh statistics (a new outbox,
    just after a spike) may start from every sent email instead.
    """
    since = timezone.now() - timedelta(hours=24)
    signatures = list(
        Signature.objects.filter(email_index=email_index).values_list("pk", flat=True)
    )
    states = Delivery.objects.filter(
        signature_id__in=signatures, kind=kind, done_at__gte=since, last_error=""
    ).values_list("state", flat=True)
    # The state is compared here: in the query it would offer the outbox's
    # index of due rows, which leads to every sent email.
    return sum(state == Delivery.State.DONE for state in states)


def over_daily_limit(signature: Signature, kind: str) -> bool:
    """Return `True` if one more email of `kind` to `signature`'s address would pass
    its limit.

    Each kind has its own budget, so emails others can trigger (a repeat
    signing's "already signed" notice, with its own tighter limit) never use up
    the ones a person asks for (their data link, their confirmation).
    """
    if not signature.email_index:
        return True  # no address to count against: nothing may be sent to it
    sent = emails_sent_last_day(signature.email_index, kind)
    if kind == EMAIL_ALREADY_SIGNED:
        return sent >= conf.ALREADY_SIGNED_PER_ADDRESS_PER_DAY
    return sent >= conf.EMAILS_PER_ADDRESS_PER_DAY
