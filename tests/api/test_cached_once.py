"""`cached_once`: one recompute at a time, never a value older than its window."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from django.core.cache import cache

from campaigns.cached import cached_once


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.calls


def test_a_value_is_computed_once_within_its_window():
    compute = Counter()

    values = [cached_once("k", 5, compute) for _ in range(3)]

    assert values == [1, 1, 1]
    assert compute.calls == 1


def test_while_another_caller_recomputes_the_previous_value_is_served(monkeypatch):
    compute = Counter()
    cached_once("k", 5, compute)
    # Due for a refresh, and another process holds the lock.
    due = cache.get("k")[0] + 0.1
    monkeypatch.setattr(time, "time", lambda: due)
    cache.add("k:lock", 1, 5)

    assert cached_once("k", 5, compute) == 1
    assert compute.calls == 1


def test_the_caller_holding_no_lock_recomputes_once_due(monkeypatch):
    compute = Counter()
    cached_once("k", 5, compute)
    due = cache.get("k")[0] + 0.1
    monkeypatch.setattr(time, "time", lambda: due)

    assert cached_once("k", 5, compute) == 2
    assert cache.get("k:lock") is None


def test_a_value_past_its_window_is_never_served_even_while_locked(monkeypatch):
    compute = Counter()
    cached_once("k", 5, compute)
    expired = cache.get("k")[1] + 0.1
    monkeypatch.setattr(time, "time", lambda: expired)
    cache.add("k:lock", 1, 5)
    # Nobody else finishes: after waiting, this caller computes itself.
    monkeypatch.setattr(time, "sleep", lambda seconds: None)

    assert cached_once("k", 0.05, compute) == 2


def test_a_failed_recompute_releases_the_lock():
    def broken() -> int:
        raise RuntimeError("database away")

    with pytest.raises(RuntimeError):
        cached_once("k", 5, broken)

    assert cache.get("k:lock") is None
    assert cached_once("k", 5, Counter()) == 1


def test_no_window_means_no_caching():
    compute = Counter()

    assert [cached_once("k", 0, compute) for _ in range(2)] == [1, 2]


def _eventually(read: Callable[[], object], expected: object) -> object:
    """Return what `read` gives once it gives `expected`, or after 5 s."""
    deadline = time.monotonic() + 5
    value = read()
    while value != expected and time.monotonic() < deadline:
        time.sleep(0.02)
        value = read()
    return value


def test_a_slow_value_due_is_recomputed_behind_the_caller(monkeypatch, settings):
    settings.UNDERSIGN_REFRESH_BEHIND = True
    threads = []

    def compute() -> int:
        threads.append(threading.current_thread())
        return len(threads)

    cached_once("k", 5, compute, behind=True)
    due = cache.get("k")[0] + 0.1
    monkeypatch.setattr(time, "time", lambda: due)

    assert cached_once("k", 5, compute, behind=True) == 1
    assert _eventually(lambda: cached_once("k", 5, compute, behind=True), 2) == 2
    assert threads[0] is threading.current_thread()
    assert threads[1] is not threading.current_thread()
    assert _eventually(lambda: cache.get("k:lock"), None) is None


def test_a_failed_refresh_behind_leaves_the_value_to_expire(monkeypatch, settings):
    settings.UNDERSIGN_REFRESH_BEHIND = True
    cached_once("k", 5, Counter(), behind=True)
    due = cache.get("k")[0] + 0.1
    monkeypatch.setattr(time, "time", lambda: due)

    def broken() -> int:
        raise RuntimeError("database away")

    assert cached_once("k", 5, broken, behind=True) == 1
    assert _eventually(lambda: cache.get("k:lock"), None) is None
    expired = cache.get("k")[1] + 0.1
    monkeypatch.setattr(time, "time", lambda: expired)
    assert cached_once("k", 5, lambda: 7, behind=True) == 7
