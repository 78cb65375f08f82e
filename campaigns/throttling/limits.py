"""Rate limits per client and per campaign, counted in Django's cache.

Each limit is a window opened by its first signing and closed `period` seconds
later. `cache.add` and `cache.incr` are atomic on Redis (shared by every web
server) and on the local-memory cache (one process).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from campaigns.conf import conf

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
KEY_PREFIX = "undersign:throttle"
SCOPES = ("client_burst", "client_sustained", "campaign_burst", "campaign_sustained")


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int


def parse_rate(text: str) -> Rate:
    """Return the rate `"N/second|minute|hour|day"`, else raise ImproperlyConfigured."""
    count, _slash, unit = text.partition("/")
    seconds = PERIODS.get(unit.strip().lower().rstrip("s"))
    if not count.strip().isdigit() or seconds is None:
        raise ImproperlyConfigured(
            f"UNDERSIGN_THROTTLE_RATES: {text!r} is not like '10/minute'."
        )
    return Rate(int(count), seconds)


def _hit(key: str, period: int) -> int:
    """Count one signing in the window `key`; return the count so far.

    One round trip while the window is open; opening it takes one more.
    """
    try:
        return cache.incr(key)
    except ValueError:
        # No open window: this signing opens it, unless another just did.
        if cache.add(key, 1, timeout=period):
            return 1
        return _hit(key, period)


def over_limit(campaign_id: int, client_key: str) -> bool:
    """Count a signing against every configured limit; return `True` if any is over.

    Every signing counts, including those a limit already flagged. Without a
    client key only the campaign's limits apply.
    """
    owners = {"campaign": str(campaign_id), "client": client_key}
    over = False
    for scope, text in conf.THROTTLE_RATES.items():
        if scope not in SCOPES:
            raise ImproperlyConfigured(f"UNDERSIGN_THROTTLE_RATES: unknown {scope!r}.")
        owner = owners[scope.partition("_")[0]]
        if not text or not owner:
            continue
        rate = parse_rate(text)
        count = _hit(f"{KEY_PREFIX}:{scope}:{owner}:{rate.period}", rate.period)
        over = over or count > rate.limit
    return over
