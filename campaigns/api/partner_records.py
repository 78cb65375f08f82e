"""Serializers of the partner API: its query, and the OSDI-shaped signer record."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from campaigns.models import Campaign


class PartnerSignaturesQuery(serializers.Serializer):
    campaign = serializers.CharField(
        required=False,
        max_length=80,
        help_text=_("Only this campaign's signers (its permanent public key)."),
    )
    since = serializers.DateTimeField(
        required=False,
        help_text=_("Only signatures made at or after this ISO 8601 time."),
    )

    def validate_campaign(self, value: str) -> Campaign:
        campaign = Campaign.objects.filter(public_key=value).first()
        if campaign is None:
            raise serializers.ValidationError(_("There is no campaign with this key."))
        return campaign


class EmailAddressSerializer(serializers.Serializer):
    address = serializers.EmailField()
    primary = serializers.BooleanField()


class PostalAddressSerializer(serializers.Serializer):
    postal_code = serializers.CharField()
    country = serializers.CharField()


class PhoneNumberSerializer(serializers.Serializer):
    number = serializers.CharField()
    primary = serializers.BooleanField()


class PersonSerializer(serializers.Serializer):
    given_name = serializers.CharField()
    family_name = serializers.CharField()
    email_addresses = EmailAddressSerializer(many=True)
    postal_addresses = PostalAddressSerializer(many=True)
    phone_numbers = PhoneNumberSerializer(
        many=True, required=False, help_text=_("Present if the signer gave a phone.")
    )


class PetitionSerializer(serializers.Serializer):
    identifier = serializers.CharField()
    key = serializers.CharField(help_text=_("The campaign's permanent public key."))
    title = serializers.CharField()


class ConsentRecordSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text=_("Id of the exact text shown."))
    text = serializers.CharField(help_text=_("The consent text the signer ticked."))
    language = serializers.CharField()


class SignerRecordSerializer(serializers.Serializer):
    """One consenting signer, in OSDI's person and signature shape."""

    identifier = serializers.CharField(
        help_text=_("Stable and opaque, such as `undersign:123`; dedupe on it.")
    )
    person = PersonSerializer()
    petition = PetitionSerializer()
    created_date = serializers.DateTimeField()
    confirmed_date = serializers.DateTimeField(
        allow_null=True, help_text=_("Null while awaiting email confirmation.")
    )
    consent = ConsentRecordSerializer()
    source = serializers.DictField(
        child=serializers.CharField(), help_text=_("utm_* values and the referrer.")
    )
    language = serializers.CharField()
