"""The webhook payload's shape is pinned by a golden file; change it deliberately."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from campaigns.deliveries.dispatcher import dispatch_once
from tests.partners.signers import sign_through

GOLDEN = Path(__file__).parent / "golden" / "signature.json"


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _normalized(body: bytes) -> Any:
    """Replace what differs between runs (ids, times, the key) with markers."""
    text = UUID.sub("<id>", DATE.sub("<datetime>", body.decode()))
    record = json.loads(text)
    record["undersign:consent"]["version"] = "<version>"
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
    assert _normalized(request.body) == json.loads(GOLDEN.read_text())
