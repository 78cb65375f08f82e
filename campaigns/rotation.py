"""Re-encryption of every stored identifier under the newest key, resumably.

Rows record the fingerprint of the key that encrypted them (`Signature.key_id`),
so an interrupted rotation resumes where it stopped. Older keys must stay in
`UNDERSIGN_ENCRYPTION_KEYS` until a rotation has finished.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from campaigns import crypto
from campaigns.models import Partner, Signature


def stale_signatures() -> QuerySet[Signature]:
    """Return the signatures whose identifiers are not under the newest key."""
    return (
        Signature.objects.exclude(identifiers="")
        .exclude(key_id=crypto.key_fingerprint())
        .order_by("pk")
    )


def rotate_signatures(batch_size: int = 500) -> int:
    """Re-encrypt one batch of stale signatures; return how many were rotated.

    Each row is updated only if its ciphertext is still the one read, so a
    signature withdrawn or anonymized meanwhile is never given its data back.
    """
    current = crypto.key_fingerprint()
    rows = list(stale_signatures().only("pk", "identifiers")[:batch_size])
    rotated = 0
    with transaction.atomic():
        for row in rows:
            rotated += Signature.objects.filter(
                pk=row.pk, identifiers=row.identifiers
            ).update(identifiers=crypto.rotate(row.identifiers), key_id=current)
    return rotated


def rotate_partner_secrets() -> int:
    """Re-encrypt every partner's webhook secret; return how many there were."""
    partners = Partner.objects.exclude(webhook_secret="").only("pk", "webhook_secret")
    count = 0
    for partner in partners:
        token = crypto.rotate(partner.webhook_secret)
        count += Partner.objects.filter(
            pk=partner.pk, webhook_secret=partner.webhook_secret
        ).update(webhook_secret=token)
    return count
