"""What a webhook delivery sends: the partner's OSDI record, as JSON bytes."""

from __future__ import annotations

import json
from typing import Any

from campaigns.deliveries.outbox import WEBHOOK_SIGNATURE
from campaigns.models import Delivery, Partner, Signature
from campaigns.partners.records import signer_record, withdrawal_record
from campaigns.partners.selectors import campaign_titles, consenting_signatures


def _record(delivery: Delivery, partner: Partner) -> dict[str, Any] | None:
    if delivery.signature_id is None:
        return None
    if delivery.kind == WEBHOOK_SIGNATURE:
        # Read through the consent selector: a signer who withdrew, was anonymized
        # or never consented to this partner is never sent.
        signature = (
            consenting_signatures(partner).filter(pk=delivery.signature_id).first()
        )
        build = signer_record
    else:
        signature = Signature.objects.select_related("campaign").get(
            pk=delivery.signature_id
        )
        build = withdrawal_record
    if signature is None:
        return None
    title = campaign_titles({signature.campaign_id}).get(signature.campaign_id, "")
    return build(signature, title)


def webhook_body(delivery: Delivery, partner: Partner) -> bytes | None:
    """Return the body to POST to `partner`, or `None` if nothing is owed anymore."""
    record = _record(delivery, partner)
    if record is None:
        return None
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
