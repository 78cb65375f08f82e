"""Outbox handlers for signers' emails: read the signature at send time, then send.

A signature that changed since the row was written (withdrawn, expired,
anonymized) or an address past its daily limit ends the delivery without an
email; the note left in `last_error` names no one.
"""

from __future__ import annotations

import logging

from django.conf import settings

from campaigns.deliveries.outbox import (
    EMAIL_ALREADY_SIGNED,
    EMAIL_CONFIRM,
    EMAIL_THANKS,
)
from campaigns.deliveries.registry import DeliverySkipped, handles
from campaigns.emails.limits import over_daily_limit
from campaigns.emails.messages import build_message
from campaigns.models import Delivery, Signature
from campaigns.selectors import campaign_page_for_key

logger = logging.getLogger(__name__)

# Which lifecycle states each email still makes sense in.
SENDABLE = {
    EMAIL_THANKS: {Signature.Status.CONFIRMED},
    EMAIL_CONFIRM: {Signature.Status.PENDING},
    EMAIL_ALREADY_SIGNED: {Signature.Status.PENDING, Signature.Status.CONFIRMED},
}


def send_signer_email(delivery: Delivery) -> None:
    """Send `delivery`'s email, or raise `DeliverySkipped` saying why not."""
    signature = (
        Signature.objects.select_related("campaign")
        .filter(pk=delivery.signature_id or 0)
        .first()
    )
    if signature is None:
        raise DeliverySkipped("skipped: signature deleted")
    if signature.status not in SENDABLE[delivery.kind]:
        raise DeliverySkipped(f"skipped: signature {signature.status}")
    identity = signature.identity
    if identity is None:
        raise DeliverySkipped("skipped: no address kept")
    language = delivery.language or signature.language or settings.LANGUAGE_CODE
    page = campaign_page_for_key(signature.campaign.public_key, language)
    if page is None:
        raise DeliverySkipped("skipped: campaign not published")
    if over_daily_limit(signature, delivery.kind):
        raise DeliverySkipped("suppressed: daily limit")
    build_message(delivery.kind, signature, identity, page, language).send()
    logger.info("sent %s for signature %s", delivery.kind, signature.pk)


for _kind in SENDABLE:
    handles(_kind)(send_signer_email)
