"""The one signing path: every way in goes through `signature_create`."""

from campaigns.signing.errors import (
    CampaignNotAccepting,
    IdempotencyConflict,
    SignatureInvalid,
)
from campaigns.signing.inputs import SignatureInput
from campaigns.signing.service import (
    Outcome,
    SigningResult,
    closed_reason,
    signature_create,
)

__all__ = [
    "CampaignNotAccepting",
    "IdempotencyConflict",
    "Outcome",
    "SignatureInput",
    "SignatureInvalid",
    "SigningResult",
    "closed_reason",
    "signature_create",
]
