"""How partners reach their consenting signers: API tokens and partner users."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerToken(models.Model):
    """An API token scoped to one partner; only its SHA-256 digest is stored."""

    partner = models.ForeignKey(
        "undersign_campaigns.Partner", on_delete=models.CASCADE, related_name="tokens"
    )
    label = models.CharField(_("label"), max_length=100, blank=True)
    prefix = models.CharField(
        max_length=12, help_text=_("The token's first characters, to recognise it.")
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("partner API token")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.partner})"


class PartnerMember(models.Model):
    """A site user who acts for one partner and sees only that partner's signers."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="undersign_partner",
    )
    partner = models.ForeignKey(
        "undersign_campaigns.Partner", on_delete=models.CASCADE, related_name="members"
    )

    class Meta:
        verbose_name = _("partner user")

    def __str__(self) -> str:
        return f"{self.user} for {self.partner}"
