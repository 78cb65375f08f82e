"""The sign endpoint's input: strict JSON types; the signing service judges content."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from campaigns.api.fields import (
    ShallowCopiedSerializer,
    StrictCharField,
    StrictEmailTextField,
)
from campaigns.signing import SignatureInput
from campaigns.signing.screening import FORM_STAMP_FIELD, HONEYPOT_FIELD

# Read by the view or screening, not part of what the signer submits.
NOT_SIGNED = {"language", FORM_STAMP_FIELD, HONEYPOT_FIELD}


class SourceSerializer(ShallowCopiedSerializer):
    utm_source = StrictCharField(required=False)
    utm_medium = StrictCharField(required=False)
    utm_campaign = StrictCharField(required=False)
    utm_term = StrictCharField(required=False)
    utm_content = StrictCharField(required=False)
    referrer = StrictCharField(
        required=False,
        help_text=_("The page the form sits on; only its origin is kept."),
    )


class SignatureInSerializer(ShallowCopiedSerializer):
    email = StrictEmailTextField()
    first_name = StrictCharField(required=False)
    last_name = StrictCharField(required=False)
    postal_code = StrictCharField(required=False)
    phone = StrictCharField(required=False)
    address = StrictCharField(required=False)
    country = StrictCharField(required=False)
    comment = StrictCharField(required=False)
    answers = serializers.DictField(
        required=False,
        help_text=_("Question key to answer: text, a choice, or true/false."),
    )
    consents = serializers.ListField(
        child=StrictCharField(allow_blank=False, min_length=1),
        required=False,
        max_length=50,
        help_text=_("Keys of the consents ticked, from the campaign's `consents`."),
    )
    partner = StrictCharField(required=False, max_length=80)
    source = SourceSerializer(required=False)
    language = StrictCharField(required=False, max_length=16)
    idempotency_key = StrictCharField(
        required=False,
        max_length=64,
        help_text=_("Made by the client; a retry with the same key signs once."),
    )
    form_token = StrictCharField(
        required=False,
        max_length=200,
        help_text=_(
            "From `GET /api/v1/campaigns/{key}/form-token/`, fetched when the form "
            "is shown. A signing sent too soon after, or with a forged or expired "
            "token, is accepted but not counted."
        ),
    )
    website = StrictCharField(
        required=False,
        max_length=200,
        help_text=_("A hidden trap for bots: leave it out or empty."),
    )

    def to_signature_input(self, language: str) -> SignatureInput:
        """Return the validated body as the signing service's input."""
        data = dict(self.validated_data)
        return SignatureInput(
            email=data.pop("email"),
            partner_key=data.pop("partner", ""),
            idempotency_key=data.pop("idempotency_key", "") or None,
            source=dict(data.pop("source", {})),
            language=language,
            **{key: value for key, value in data.items() if key not in NOT_SIGNED},
        )
