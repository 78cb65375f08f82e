"""What a webhook delivery sends, as JSON bytes: the OSDI signature (its person
embedded) for a signing, a deletion notice for a withdrawal or an erasure."""

from __future__ import annotations

import json
from typing import Any

from campaigns.conf import conf
from campaigns.deliveries.outbox import WEBHOOK_SIGNATURE
from campaigns.models import Delivery, Partner, Signature
from campaigns.partners.records import deletion_notice, signature_record
from campaigns.partners.selectors import consenting_signatures


def _absolute(path: str) -> str:
    return f"{conf.SITE_URL}{path}"


def _record(delivery: Delivery, partner: Partner) -> dict[str, Any] | None:
    if delivery.signature_id is None:
        return None
    if delivery.kind == WEBHOOK_SIGNATURE:
        # Read through the consent selector: a signer who withdrew, was anonymized
        # or never consented to this partner is never sent.
        signature = (
            consenting_signatures(partner).filter(pk=delivery.signature_id).first()
        )
        if signature is None:
            return None
        return signature_record(signature, partner, _absolute)
    withdrawn = Signature.objects.select_related("campaign").get(
        pk=delivery.signature_id
    )
    return deletion_notice(withdrawn, partner)


def webhook_body(delivery: Delivery, partner: Partner) -> bytes | None:
    """Return the body to POST to `partner`, or `None` if nothing is owed anymore."""
    record = _record(delivery, partner)
    if record is None:
        return None
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
