"""Outbox handlers for signers' emails: read the signature at send time, then send.

A batch's emails are read together as it starts: their signatures in one query,
each campaign's live page once per language. A signature that changed since the
row was written (withdrawn, expired, anonymized) or an address past its daily
limit ends the delivery without an email; the note left in `last_error` names no
one. The limit is counted just before each email, as it always was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from functools import cache

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from campaigns.deliveries.outbox import (
    EMAIL_ALREADY_SIGNED,
    EMAIL_CONFIRM,
    EMAIL_THANKS,
)
from campaigns.deliveries.registry import DeliverySkipped, Handler, handles_batch
from campaigns.emails.limits import over_daily_limit
from campaigns.emails.messages import build_message
from campaigns.models import CampaignPage, Delivery, Signature
from campaigns.selectors import campaign_page_for_key

logger = logging.getLogger(__name__)

# Which lifecycle states each email still makes sense in.
SENDABLE = {
    EMAIL_THANKS: {Signature.Status.CONFIRMED},
    EMAIL_CONFIRM: {Signature.Status.PENDING},
    EMAIL_ALREADY_SIGNED: {Signature.Status.PENDING, Signature.Status.CONFIRMED},
}

PageFinder = Callable[[str, str], CampaignPage | None]


def send_signer_email(
    delivery: Delivery,
    signature: Signature | None,
    page_for: PageFinder,
    connection: BaseEmailBackend,
) -> None:
    """Send `delivery`'s email over `connection`, or raise `DeliverySkipped`
    saying why not.

    `signature` is the delivery's as read for its batch (`None`: deleted);
    `page_for` returns a campaign's live page by public key and language.
    """
    if signature is None:
        raise DeliverySkipped("skipped: signature deleted")
    if signature.status not in SENDABLE[delivery.kind]:
        raise DeliverySkipped(f"skipped: signature {signature.status}")
    identity = signature.identity
    if identity is None:
        raise DeliverySkipped("skipped: no address kept")
    language = delivery.language or signature.language or settings.LANGUAGE_CODE
    page = page_for(signature.campaign.public_key, language)
    if page is None:
        raise DeliverySkipped("skipped: campaign not published")
    if over_daily_limit(signature, delivery.kind):
        raise DeliverySkipped("suppressed: daily limit")
    _send(build_message(delivery.kind, signature, identity, page, language), connection)
    logger.info("sent %s for signature %s", delivery.kind, signature.pk)


def _send(message: EmailMessage, connection: BaseEmailBackend) -> None:
    # Opening is a no-op while the connection is open; after a failure it may be
    # unusable, so it is closed and the next email opens a new one.
    connection.open()
    try:
        connection.send_messages([message])
    except Exception:
        with suppress(Exception):  # the send's own failure is the one recorded
            connection.close()
        raise


@handles_batch(*SENDABLE)
@contextmanager
def signer_emails(deliveries: list[Delivery]) -> Iterator[Handler]:
    """Open the handler of a batch's signers' emails; they share one connection."""
    ids = [delivery.signature_id for delivery in deliveries if delivery.signature_id]
    signatures = Signature.objects.select_related("campaign").in_bulk(ids)
    page_for = cache(campaign_page_for_key)
    connection = get_connection()

    def send(delivery: Delivery) -> None:
        signature = signatures.get(delivery.signature_id or 0)
        send_signer_email(delivery, signature, page_for, connection)

    try:
        yield send
    finally:
        # Every email of the batch is recorded by now; a server that fails to
        # say goodbye loses nothing.
        with suppress(Exception):
            connection.close()
