"""Values shared through Django's cache, recomputed by one caller at a time.

A value lives `seconds` and is due for a recompute after three quarters of that,
so a still-valid value covers the recompute. Only the caller that takes the lock
recomputes, in the request or, for values that take long (the count of a million
signatures), behind it on a thread of this process while the request goes on with
the current value. Nothing is ever served older than `seconds`.
"""

from __future__ import annotations

import logging
import math
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar, cast

from django.core.cache import cache
from django.db import connections

from campaigns.conf import conf

T = TypeVar("T")
# A cached value is recomputed once this share of its lifetime has passed.
REFRESH_AT = 0.75

logger = logging.getLogger(__name__)
_refresher: tuple[int, ThreadPoolExecutor] | None = None


def cached_once(
    key: str, seconds: float, compute: Callable[[], T], *, behind: bool = False
) -> T:
    """Return `compute()`'s value, at most `seconds` old, computed by one caller at a
    time across processes; the others serve the previous value meanwhile.

    With `behind` (and `UNDERSIGN_REFRESH_BEHIND`), a value due for a recompute is
    recomputed on a background thread and this caller gets the current one too.
    """
    if seconds <= 0:
        return compute()
    entry = _unexpired(key)
    if entry is not None and time.time() < entry[0]:
        return cast(T, entry[2])
    # Only the caller that takes the lock recomputes: no stampede on expiry.
    lock = f"{key}:lock"
    if not cache.add(lock, 1, math.ceil(seconds)):
        entry = entry or _wait_for(key, seconds)
        if entry is not None:
            return cast(T, entry[2])
        return compute()
    # Another caller may have refreshed it between our read and our lock.
    latest = _unexpired(key)
    if latest is not None and time.time() < latest[0]:
        cache.delete(lock)
        return cast(T, latest[2])
    if entry is not None and behind and conf.REFRESH_BEHIND:
        _refresh_behind(key, seconds, compute, lock)
        return cast(T, entry[2])
    return _recompute(key, seconds, compute, lock)


def _recompute(key: str, seconds: float, compute: Callable[[], T], lock: str) -> T:
    try:
        value = compute()
        now = time.time()
        cache.set(
            key, (now + seconds * REFRESH_AT, now + seconds, value), math.ceil(seconds)
        )
    finally:
        cache.delete(lock)
    return value


def _refresh_behind(
    key: str, seconds: float, compute: Callable[[], Any], lock: str
) -> None:
    """Recompute `key` on this process's refresh thread (started in each process:
    a thread does not survive gunicorn's fork)."""
    global _refresher  # noqa: PLW0603 - one thread per process, made on first use
    if _refresher is None or _refresher[0] != os.getpid():
        _refresher = (os.getpid(), ThreadPoolExecutor(1, "undersign-refresh"))

    def job() -> None:
        try:
            _recompute(key, seconds, compute, lock)
        except Exception:
            # The value expires and the next caller recomputes it in its request.
            logger.exception("Refreshing the cached value %s failed.", key)
        finally:
            # No request ends on this thread to close its connections: a refresh
            # is rare (once a window, in one process), so it opens its own.
            connections.close_all()

    _refresher[1].submit(job)


def _unexpired(key: str) -> tuple[float, float, Any] | None:
    """Return `key`'s `(refresh_at, expires_at, value)` unless it has expired."""
    entry = cache.get(key)
    if entry is None or time.time() >= entry[1]:
        return None
    return cast(tuple[float, float, Any], entry)


def _wait_for(key: str, seconds: float) -> tuple[float, float, Any] | None:
    """Wait up to `seconds` for another caller's first computation of `key`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.02)
        entry = _unexpired(key)
        if entry is not None:
            return entry
    return None
