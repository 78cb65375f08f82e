"""The webhook payload's shape is pinned by a golden file; change it deliberately."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from campaigns.deliveries.dispatcher import dispatch_once
from tests.partners.signers import sign_through

GOLDEN = Path(__file__).parent / "golden" / "signature.json"


def _normalized(record: dict[str, Any]) -> dict[str, Any]:
    """Replace what differs between runs (ids, times) with fixed markers."""
    record["identifier"] = "undersign:<id>"
    record["consent"]["version"] = "<version>"
    for key in ("created_date", "confirmed_date"):
        record[key] = "<datetime>" if record[key] else None
    return record


def test_the_signature_payload_matches_the_golden_file(page, hooked_partner, receiver):
    partner, _secret = hooked_partner
    page.phone_rule = "optional"
    page.postal_code_rule = "optional"
    page.country_rule = "optional"
    page.save_revision().publish()
    sign_through(
        page,
        partner,
        "ana@example.org",
        postal_code="11211",
        country="US",
        phone="+1 718 555 0100",
        source={"utm_source": "newsletter", "referrer": "https://maketheroad.example"},
        language="en",
    )

    dispatch_once()

    [request] = receiver.received
    record = _normalized(json.loads(request.body))
    assert record == json.loads(GOLDEN.read_text())
