"""Storing checked paper rows: all of them in one transaction, or none."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from campaigns.models import Campaign, ConsentVersion, Signature, SignatureConsent
from campaigns.signing.consents import OfferedConsent, consent_version
from campaigns.signing.inputs import CleanSignature

BATCH = 500
SOURCE = {"channel": "paper"}


def _signature(campaign: Campaign, clean: CleanSignature) -> Signature:
    now = timezone.now()
    signature = Signature(
        campaign=campaign,
        email_domain=clean.email.rpartition("@")[2],
        postal_code=clean.fields["postal_code"].upper(),
        country=clean.fields["country"],
        language=clean.language,
        source=SOURCE,
        status=Signature.Status.CONFIRMED,
        confirmed_at=now,
    )
    signature.identity = clean.identity()
    if not clean.email:
        # No address, no one-per-campaign key: the index of "" would collide.
        signature.email_index = ""
    return signature


def paper_import(
    *,
    campaign: Campaign,
    rows: Sequence[CleanSignature],
    statement: str,
    language: str,
) -> int:
    """Store `rows` as confirmed, counted signatures with a paper consent; return how
    many. All or nothing: any error (a duplicate that signed meanwhile raises
    `IntegrityError`) leaves no row behind. No email or webhook is queued: a paper
    signer never gave an address for that.
    """
    paper = OfferedConsent("paper", ConsentVersion.Kind.PAPER, statement)
    with transaction.atomic():
        version = consent_version(paper, language)
        for start in range(0, len(rows), BATCH):
            signatures = Signature.objects.bulk_create(
                _signature(campaign, clean) for clean in rows[start : start + BATCH]
            )
            SignatureConsent.objects.bulk_create(
                SignatureConsent(signature=signature, version=version)
                for signature in signatures
            )
    return len(rows)
