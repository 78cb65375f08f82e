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
    now = timezone.now()
    with transaction.atomic():
        version = consent_version(paper, language)
        for start in range(0, len(rows), BATCH):
            signatures = Signature.objects.bulk_create(
                clean.new_signature(
                    campaign=campaign,
                    source=SOURCE,
                    status=Signature.Status.CONFIRMED,
                    confirmed_at=now,
                )
                for clean in rows[start : start + BATCH]
            )
            SignatureConsent.objects.bulk_create(
                SignatureConsent(signature=signature, version=version)
                for signature in signatures
            )
    return len(rows)
