"""Fixtures for the outbox tests: handlers registered only for one test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from campaigns.deliveries import registry
from campaigns.models import Delivery


@pytest.fixture
def register(db, monkeypatch) -> Callable[[str, registry.Handler], None]:
    """Register a handler for a test-only kind, removed again after the test."""

    def add(kind: str, handler: registry.Handler) -> None:
        monkeypatch.setitem(registry._handlers, kind, handler)

    return add


@pytest.fixture
def register_batch(db, monkeypatch) -> Callable[[str, registry.BatchHandler], None]:
    """Register a batch handler for a test-only kind, removed again after the test."""

    def add(kind: str, opener: registry.BatchHandler) -> None:
        monkeypatch.setitem(registry._batch_handlers, kind, opener)

    return add


@pytest.fixture
def failing(register) -> Callable[[Exception], Delivery]:
    """Return a factory of due deliveries whose handler raises the given error."""

    def make(error: Exception) -> Delivery:
        def handler(delivery: Delivery) -> None:
            raise error

        register("test-failing", handler)
        return Delivery.objects.create(kind="test-failing")

    return make
