"""Rate limits per client and per campaign, counted in Django's cache.

Each limit is a window opened by its first signing and closed `period` seconds
later. On Redis (shared by every web server) a signing counts in every window in
one atomic round trip (a Lua script); on other caches (the local-memory one
counts per process) with `cache.add` and `cache.incr`, atomic each.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import ImproperlyConfigured

from campaigns.conf import conf

# The Redis fallback backend needs the `redis` package, which a site without
# Redis need not install: a cache of that class has loaded its module already.
FALLBACK_MODULE = "campaigns.fallback_cache"

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
KEY_PREFIX = "undersign:throttle"
SIGNING_SCOPES = (
    "client_burst",
    "client_sustained",
    "campaign_burst",
    "campaign_sustained",
)
# "Your data" link requests per client: each may mail someone, and each would
# otherwise let a script try addresses as fast as it likes.
YOUR_DATA = "your_data_client"
SCOPES = (*SIGNING_SCOPES, YOUR_DATA)


# Counts ARGV[1] in each window KEYS[i], opening it for ARGV[i + 1] seconds if
# none is open; returns the counts. Sent by its digest once Redis knows it.
COUNT_SCRIPT = """
local counts = {}
for i, key in ipairs(KEYS) do
  redis.call("SET", key, 0, "EX", ARGV[i + 1], "NX")
  counts[i] = redis.call("INCRBY", key, ARGV[1])
end
return counts
"""


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


def _hit(key: str, period: int, step: int) -> int:
    """Count `step` signings in the window `key`; return the count so far.

    One round trip while the window is open; opening it takes one more.
    """
    try:
        return cache.incr(key, step)
    except ValueError:
        # No open window: this signing opens it, unless another just did.
        if cache.add(key, step, timeout=period):
            return step
        return _hit(key, period, step)


def _hits(windows: list[tuple[str, int]], step: int = 1) -> list[int]:
    """Count `step` in each window `(key, period)`; return each count so far."""
    backend = caches["default"]

    def one_by_one() -> list[int]:
        return [_hit(key, period, step) for key, period in windows]

    if not isinstance(backend, RedisCache):
        return one_by_one()

    def scripted() -> list[int]:
        # The Redis client Django's cache holds (untyped in the stubs): one
        # script, atomic, for every window.
        client = backend._cache.get_client(write=True)  # type: ignore[attr-defined]
        keys = [backend.make_and_validate_key(key) for key, _period in windows]
        periods = [period for _key, period in windows]
        counts = client.register_script(COUNT_SCRIPT)(keys, [step, *periods])
        return [int(count) for count in counts]

    fallback = sys.modules.get(FALLBACK_MODULE)
    if fallback is not None and isinstance(backend, fallback.FallbackRedisCache):
        # While Redis is down, each process counts on its own (docs/security.md).
        return backend.guarded(scripted, one_by_one)
    return scripted()


def _windows(
    owners: dict[str, str], scopes: tuple[str, ...]
) -> tuple[list[tuple[str, int]], list[int]]:
    """Return the configured windows `(key, period)` of `scopes` for `owners` (by
    the scope's first word), and each one's limit."""
    rates = conf.THROTTLE_RATES
    for scope in rates:
        if scope not in SCOPES:
            raise ImproperlyConfigured(f"UNDERSIGN_THROTTLE_RATES: unknown {scope!r}.")
    windows, limits = [], []
    for scope in scopes:
        text = rates.get(scope)
        owner = owners[scope.partition("_")[0]]
        if not text or not owner:
            continue
        rate = parse_rate(text)
        windows.append((f"{KEY_PREFIX}:{scope}:{owner}:{rate.period}", rate.period))
        limits.append(rate.limit)
    return windows, limits


def _over(owners: dict[str, str], scopes: tuple[str, ...]) -> bool:
    """Count one request in the limits of `scopes`; return `True` if any is over."""
    windows, limits = _windows(owners, scopes)
    counts = _hits(windows) if windows else []
    return any(count > limit for count, limit in zip(counts, limits, strict=True))


def over_limit(campaign_id: int, client_key: str) -> bool:
    """Count a signing against every configured limit; return `True` if any is over.

    Every signing counts, including those a limit already flagged. Without a
    client key only the campaign's limits apply.
    """
    return _over(_signer(campaign_id, client_key), SIGNING_SCOPES)


def refund(campaign_id: int, client_key: str) -> None:
    """Give back a signing `over_limit` counted that turned out to be a retry.

    A window that closed in between reopens at -1: one more signing allowed.
    """
    windows, _limits = _windows(_signer(campaign_id, client_key), SIGNING_SCOPES)
    if windows:
        _hits(windows, step=-1)


def _signer(campaign_id: int, client_key: str) -> dict[str, str]:
    """Return the owners a signing counts against, by scope's first word."""
    return {"campaign": str(campaign_id), "client": client_key}


def over_your_data_limit(client_key: str) -> bool:
    """Count a "your data" link request from `client_key`; `True` if over its limit."""
    return _over({"your": client_key}, (YOUR_DATA,))
