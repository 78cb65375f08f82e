"""Seed the bench's extra campaigns and print their public keys as JSON.

Run by `bench/run.py` after `undersign_seed_demo`, with the bench environment:
the demo campaign carries the main scenarios; `empty` and `million` are the pair
the growth measurement compares (`bench/seed_million.py` fills `million`); the
spike (`bench/spike.py`) signs into `spike` alone, so its count starts at zero and
every outbox row of its signatures is the spike's.
"""

from __future__ import annotations

import json
import sys

import django


def seed() -> dict[str, str]:
    """Create the growth pair and the spike's campaign, each linked to the demo
    partner; return their keys."""
    from campaigns.models import Partner
    from campaigns.services import campaign_identity
    from cms.seed import ice_free_nyc
    from tests.factories import campaign_page, link_partner

    partner = Partner.objects.get(slug=ice_free_nyc.PARTNER_SLUG)
    keys = {"demo": ice_free_nyc.PUBLIC_KEY}
    for name in ("empty", "million", "spike"):
        page = campaign_page(title=f"Bench {name}", slug=f"bench-{name}")
        link_partner(page, partner)
        keys[name] = campaign_identity(page).public_key
    return keys


if __name__ == "__main__":
    django.setup()
    sys.stdout.write(json.dumps(seed()) + "\n")
