"""Handlers by delivery kind; later features register theirs here."""

from __future__ import annotations

from collections.abc import Callable

from campaigns.models import Delivery

Handler = Callable[[Delivery], None]
_handlers: dict[str, Handler] = {}


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


def handler_for(kind: str) -> Handler:
    try:
        return _handlers[kind]
    except KeyError:
        raise DeliveryError(f"no handler for kind {kind!r}") from None
