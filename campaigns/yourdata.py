"""A signer's own data: a verified link to download everything held, or erase it.

A person is found only by the blind index of their email, never by the address
itself, and the link mailed to them carries that index, not the address. Nothing
here logs or stores an identifier; the export is built on request and never kept.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import timedelta
from typing import Any

from django.core import signing
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language

from campaigns import crypto
from campaigns.conf import conf
from campaigns.deliveries.outbox import EMAIL_YOUR_DATA, queue_your_data
from campaigns.lifecycle import WITHDRAWABLE, signature_withdraw
from campaigns.models import Delivery, Signature, SignatureConsent
from campaigns.partners.selectors import campaign_titles

try:  # Django 6 ships the tasks API; on 5.2 Wagtail brings its backport.
    from django.tasks import task
except ImportError:
    from django_tasks import task

logger = logging.getLogger(__name__)

LINK_SALT = "undersign.links.your_data"
LINK_DAYS = 2


def held_signatures(email_index: str) -> QuerySet[Signature]:
    """Return the signatures that still hold the person behind `email_index`."""
    if not email_index:  # withdrawn and anonymized rows share the empty index
        return Signature.objects.none()
    return Signature.objects.filter(email_index=email_index, status__in=WITHDRAWABLE)


def make_token(email_index: str) -> str:
    """Return a token naming the person behind `email_index` for this purpose only."""
    return signing.dumps(email_index, salt=LINK_SALT)


def email_index_for_token(token: str) -> str | None:
    """Return the blind index a valid token from the last `LINK_DAYS` carries."""
    try:
        value = signing.loads(token, salt=LINK_SALT, max_age=timedelta(days=LINK_DAYS))
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return value if isinstance(value, str) and value else None


def absolute_link(email_index: str) -> str:
    """Return the absolute URL of the "your data" page for `email_index`, in the
    active language (the email's)."""
    path = reverse("undersign_your_data_link", args=[make_token(email_index)])
    return f"{conf.SITE_URL}{path}?{urlencode({'lang': get_language()})}"


def request_data_link(*, email: str) -> None:
    """Ask, behind the reply, for a "your data" link to be mailed to `email`.

    The request does the same work whether or not the address signed: it queues
    a task carrying the address's blind index, sealed (an opaque ciphertext, new
    each time), and the task looks the person up. No timing tells the caller.
    """
    sealed = crypto.fernet().encrypt(crypto.email_index(email).encode()).decode()
    mail_data_link.enqueue(sealed)


@task()
def mail_data_link(sealed_index: str) -> None:
    """The queued lookup: mail the link if the sealed address signed anything.

    One email is queued per request (not per signature), and none while another
    is still waiting to go out.
    """
    index = crypto.fernet().decrypt(sealed_index.encode()).decode()
    signature = held_signatures(index).exclude(identifiers="").order_by("-pk").first()
    if signature is None:
        return
    waiting = Delivery.objects.filter(
        kind=EMAIL_YOUR_DATA,
        state=Delivery.State.PENDING,
        signature__email_index=index,
    )
    if not waiting.exists():
        queue_your_data(signature)


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def _consents(signature: Signature) -> list[dict[str, Any]]:
    return [
        {
            "kind": consent.version.kind,
            "version": consent.version.digest,
            "language": consent.version.language,
            "text": consent.version.text,
            "partner": consent.version.partner.slug
            if consent.version.partner
            else None,
            "recorded": _date(consent.version.created_at),
        }
        for consent in signature.consents.all()
    ]


def _deliveries(signature: Signature) -> list[dict[str, Any]]:
    return [
        {
            "kind": delivery.kind,
            "state": delivery.state,
            "created": _date(delivery.created_at),
            "done": _date(delivery.done_at),
        }
        for delivery in signature.deliveries.all()
    ]


def _signature_record(signature: Signature, title: str) -> dict[str, Any]:
    identity = signature.identity
    partner = signature.partner
    return {
        "campaign": {"key": signature.campaign.public_key, "title": title},
        "language": signature.language,
        "status": signature.status,
        "created": _date(signature.created_at),
        "confirmed": _date(signature.confirmed_at),
        "withdrawn": _date(signature.withdrawn_at),
        "identity": {
            "email": identity.email,
            "first_name": identity.first_name,
            "last_name": identity.last_name,
            "phone": identity.phone,
            "address": identity.address,
            "comment": identity.comment,
            "answers": identity.answers,
        }
        if identity
        else None,
        "postal_code": signature.postal_code,
        "country": signature.country,
        "email_domain": signature.email_domain,
        "source": signature.source,
        "partner": {"key": partner.slug, "name": partner.name} if partner else None,
        "partner_key": signature.partner_key,
        "consents": _consents(signature),
        "deliveries": _deliveries(signature),
    }


def export_person(*, email_index: str) -> dict[str, Any]:
    """Return everything held about the person behind `email_index`, as JSON data.

    Delivery payloads are never stored, so deliveries appear by kind and dates.
    """
    signatures = list(
        held_signatures(email_index)
        .select_related("campaign", "partner")
        .prefetch_related(
            Prefetch(
                "consents",
                SignatureConsent.objects.select_related("version__partner"),
            ),
            Prefetch("deliveries", Delivery.objects.order_by("created_at", "pk")),
        )
        .order_by("created_at", "pk")
    )
    titles = campaign_titles({signature.campaign_id for signature in signatures})
    return {
        "generated": timezone.now().isoformat(),
        "signatures": [
            _signature_record(signature, titles.get(signature.campaign_id, ""))
            for signature in signatures
        ],
    }


def erase_person_by_campaign(*, email_index: str, by: str) -> dict[str, int]:
    """Withdraw every signature of the person behind `email_index`, everywhere.

    Each goes through `signature_withdraw`, so identifiers and blind index are
    dropped and partners that were sent it get a deletion webhook. Return how many
    were erased per campaign key. `by` says who asked ("signer", "staff:<id>") and
    must never be an identifier of the signer.
    """
    erased: Counter[str] = Counter()
    for signature in held_signatures(email_index).select_related("campaign"):
        if signature_withdraw(signature=signature):
            erased[signature.campaign.public_key] += 1
    logger.info(
        "erased %d signatures on %d campaigns at the request of %s",
        sum(erased.values()),
        len(erased),
        by,
    )
    return dict(erased)


def erase_person(*, email_index: str, by: str) -> int:
    """Erase the person behind `email_index` from every campaign; return how many."""
    return sum(erase_person_by_campaign(email_index=email_index, by=by).values())
