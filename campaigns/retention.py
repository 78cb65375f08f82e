"""Retention: a campaign's signers' details are kept until its `keep_data_until`.

After that date every signature of the campaign loses what identifies its
signer (the encrypted identifiers, the blind index, the client and idempotency
keys, the request digest). What it proves stays: a confirmed signature becomes
anonymized and keeps counting, postal code, country and consent rows stay. A
pending one becomes expired. What a signer let a partner have was delivered to
that partner when they signed and is held under the partner's own policy; we
keep no extra copy for it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils import timezone

from campaigns.models import Campaign, CampaignPage, Signature

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# Everything that could lead back to a signer, each emptied by retention.
CLEARED = ("identifiers", "key_id", "email_index", "client_key", "idempotency_key")


def expired_campaigns(now: datetime | None = None) -> QuerySet[Campaign]:
    """Return the campaigns whose retention date has passed.

    A campaign's date is the earliest of its translations': the promise made
    in any language is kept for every signer.
    """
    today = timezone.localdate(now)
    keys = CampaignPage.objects.filter(keep_data_until__lt=today).values(
        "translation_key"
    )
    return Campaign.objects.filter(translation_key__in=keys)


def holding_data(now: datetime | None = None) -> QuerySet[Signature]:
    """Return the signatures of expired campaigns that retention still has to clear."""
    holds = Q(status__in=[Signature.Status.CONFIRMED, Signature.Status.PENDING])
    for name in (*CLEARED, "request_digest"):
        holds |= ~Q(**{name: ""})
    return Signature.objects.filter(holds, campaign__in=expired_campaigns(now))


def anonymize_batch(now: datetime | None = None, batch_size: int = BATCH_SIZE) -> int:
    """Anonymize up to `batch_size` signatures of expired campaigns; return how many.

    The status is decided in the UPDATE itself, so a signature confirmed while
    the batch runs still ends anonymized (and counted), never lost.
    """
    pks = list(
        holding_data(now).order_by("pk").values_list("pk", flat=True)[:batch_size]
    )
    if not pks:
        return 0
    with transaction.atomic():
        return Signature.objects.filter(pk__in=pks).update(
            status=Case(
                When(
                    status=Signature.Status.CONFIRMED,
                    then=Value(Signature.Status.ANONYMIZED),
                ),
                When(
                    status=Signature.Status.PENDING,
                    then=Value(Signature.Status.EXPIRED),
                ),
                default=F("status"),
            ),
            request_digest="",
            **dict.fromkeys(CLEARED, ""),
        )


def anonymize_expired(now: datetime | None = None, dry_run: bool = False) -> int:
    """Anonymize every signature of expired campaigns; return how many (would) change.

    Works in batches, so memory stays flat however many signatures there are.
    """
    if dry_run:
        return holding_data(now).count()
    total = 0
    while done := anonymize_batch(now):
        total += done
    if total:
        logger.info("Retention anonymized %d signatures.", total)
    return total
