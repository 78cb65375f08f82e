"""Why a signing was refused."""

from __future__ import annotations


class SignatureInvalid(Exception):
    """The input breaks the form's rules; `errors` maps each field to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("invalid signature")
        self.errors = errors


class CampaignNotAccepting(Exception):
    """The campaign is closed, delivered, won, or not yet open."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class IdempotencyConflict(Exception):
    """The idempotency key was already used with a different request body."""
