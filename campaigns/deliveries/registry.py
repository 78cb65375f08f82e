"""Handlers by delivery kind; later features register theirs here."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

from campaigns.models import Delivery

Handler = Callable[[Delivery], None]
# Opens the handler of one batch's deliveries of the kinds it serves, given them
# all: it reads what they need at once and may hold a connection until closed.
BatchHandler = Callable[[list[Delivery]], AbstractContextManager[Handler]]
_handlers: dict[str, Handler] = {}
_batch_handlers: dict[str, BatchHandler] = {}


class DeliveryError(Exception):
    """A delivery failed; `str()` of it is safe to store (it names no person)."""


class DeliverySkipped(Exception):
    """A delivery is done without sending; `str()` says why and names no person."""


def handles(kind: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of `kind`."""

    def register(handler: Handler) -> Handler:
        _handlers[kind] = handler
        return handler

    return register


def handles_batch(*kinds: str) -> Callable[[BatchHandler], BatchHandler]:
    """Register the decorated function as the batch handler of `kinds`."""

    def register(opener: BatchHandler) -> BatchHandler:
        _batch_handlers.update(dict.fromkeys(kinds, opener))
        return opener

    return register


def batch_handler_for(kind: str) -> BatchHandler | None:
    """Return the batch handler of `kind`, or `None` if it runs one at a time."""
    return _batch_handlers.get(kind)


def handler_for(kind: str) -> Handler:
    try:
        return _handlers[kind]
    except KeyError:
        raise DeliveryError(f"no handler for kind {kind!r}") from None
