"""Signatures: identifiers encrypted at rest, coarse facets plain, one lifecycle."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns import crypto


@dataclass(frozen=True)
class SignerIdentity:
    """What identifies a signer; only ever stored encrypted."""

    email: str
    first_name: str = ""
    last_name: str = ""
    phone: str = ""
    address: str = ""
    comment: str = ""
    answers: dict[str, str | bool] = field(default_factory=dict)


class SignatureQuerySet(models.QuerySet["Signature"]):
    def counted(self) -> SignatureQuerySet:
        """Return the signatures that count: confirmed, valid, not tests.

        Anonymized signatures keep counting if they were confirmed: retention
        removes who signed, not that they did.
        """
        return self.filter(
            status__in=[Signature.Status.CONFIRMED, Signature.Status.ANONYMIZED],
            confirmed_at__isnull=False,
            moderation=Signature.Moderation.OK,
            is_test=False,
        )


class Signature(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired unconfirmed")
        ANONYMIZED = "anonymized", _("Anonymized")

    class Moderation(models.TextChoices):
        OK = "ok", _("OK")
        FLAGGED = "flagged", _("Flagged")
        INVALIDATED = "invalidated", _("Invalidated")

    class Reason(models.TextChoices):
        """Why a signature is not `ok`; never shown to the signer."""

        NONE = "", _("None")
        THROTTLED = "throttled", _("Over a rate limit")
        HONEYPOT = "honeypot", _("Filled the hidden field")
        TOO_FAST = "too_fast", _("Sent faster than a person fills the form")
        BAD_TOKEN = "bad_token", _("Missing or invalid form token")
        MODERATOR = "moderator", _("Invalidated by a moderator")

    campaign = models.ForeignKey(
        "undersign_campaigns.Campaign",
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    partner = models.ForeignKey(
        "undersign_campaigns.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signatures",
    )
    partner_key = models.CharField(
        max_length=80,
        blank=True,
        help_text=_(
            "The partner key the signing arrived with, kept even when unknown."
        ),
    )
    identifiers = models.TextField(blank=True, help_text=_("Encrypted SignerIdentity."))
    key_id = models.CharField(max_length=8, blank=True)
    email_index = models.CharField(max_length=64, blank=True, default="")
    email_domain = models.CharField(max_length=254, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=60, blank=True)
    language = models.CharField(max_length=16)
    source = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices)
    moderation = models.CharField(
        max_length=12, choices=Moderation.choices, default=Moderation.OK
    )
    moderation_reason = models.CharField(
        max_length=12, choices=Reason.choices, blank=True, default=Reason.NONE
    )
    is_test = models.BooleanField(default=False)
    client_key = models.CharField(max_length=64, blank=True)
    idempotency_key = models.CharField(max_length=64, blank=True, default="")
    request_digest = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "email_index"],
                condition=~Q(email_index=""),
                name="undersign_one_signature_per_email",
            ),
            models.UniqueConstraint(
                fields=["campaign", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="undersign_one_signature_per_idempotency_key",
            ),
        ]
        indexes = [
            models.Index(
                fields=["campaign", "status", "moderation"], name="undersign_sig_count"
            ),
            # Finds one person's signatures across campaigns (email limits, erasure).
            models.Index(fields=["email_index"], name="undersign_sig_email"),
        ]

    def __str__(self) -> str:
        return f"Signature {self.pk} on {self.campaign_id}"

    @property
    def identity(self) -> SignerIdentity | None:
        """Return the decrypted identity, or `None` once anonymized."""
        if not self.identifiers:
            return None
        return SignerIdentity(**crypto.decrypt_json(self.identifiers))  # type: ignore[arg-type]

    @identity.setter
    def identity(self, value: SignerIdentity | None) -> None:
        if value is None:
            self.identifiers, self.key_id, self.email_index = "", "", ""
            return
        self.identifiers = crypto.encrypt_json(asdict(value))
        self.key_id = crypto.key_fingerprint()
        # No address (a paper signer), no one-per-campaign key: the index of ""
        # would make every such signer the same person.
        self.email_index = crypto.email_index(value.email) if value.email else ""


class SignatureConsent(models.Model):
    """A consent a signer gave, pointing at the exact text version they saw."""

    signature = models.ForeignKey(
        Signature, on_delete=models.CASCADE, related_name="consents"
    )
    version = models.ForeignKey(
        "undersign_campaigns.ConsentVersion", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["signature", "version"], name="undersign_consent_once"
            )
        ]

    def __str__(self) -> str:
        return f"Consent {self.version_id} on signature {self.signature_id}"
