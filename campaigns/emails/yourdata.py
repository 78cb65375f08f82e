"""The "your data" email: a link to download or erase everything held.

The outbox row names one of the person's signatures; the address is decrypted
from it only now, at send time, and the link carries the blind index alone.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from campaigns import yourdata
from campaigns.deliveries.outbox import EMAIL_YOUR_DATA
from campaigns.deliveries.registry import DeliverySkipped, handles
from campaigns.emails.limits import over_daily_limit
from campaigns.emails.messages import automatic_email
from campaigns.models import Delivery, Signature

logger = logging.getLogger(__name__)


def build_your_data_message(signature: Signature, email: str) -> EmailMultiAlternatives:
    """Return the email carrying `signature`'s person's link, in their language."""
    with translation.override(signature.language or settings.LANGUAGE_CODE):
        context = {
            "link": yourdata.absolute_link(signature.email_index),
            "days": yourdata.LINK_DAYS,
        }
        text = render_to_string("undersign/email/yourdata.txt", context)
        html = render_to_string("undersign/email/yourdata.html", context)
        subject = gettext("Your data")
        language = translation.get_language()
    return automatic_email(
        subject=subject, text=text, html=html, to=email, language=language
    )


@handles(EMAIL_YOUR_DATA)
def send_your_data_email(delivery: Delivery) -> None:
    """Send the link, or raise `DeliverySkipped` saying why not (naming no one)."""
    signature = Signature.objects.filter(pk=delivery.signature_id or 0).first()
    if signature is None:
        raise DeliverySkipped("skipped: signature deleted")
    identity = signature.identity
    if identity is None or not signature.email_index:
        raise DeliverySkipped("skipped: no address kept")
    if over_daily_limit(signature, delivery.kind):
        raise DeliverySkipped("suppressed: daily limit")
    build_your_data_message(signature, identity.email).send()
    logger.info("sent %s for signature %s", delivery.kind, signature.pk)
