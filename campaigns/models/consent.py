"""Versioned consent texts: a signature points at the exact words its signer saw."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentVersion(models.Model):
    """One exact consent text as shown, stored once and never changed.

    A version is addressed by the digest of what it says and to whom, so editing a
    label creates a new version while old signatures keep pointing at the old one.
    """

    class Kind(models.TextChoices):
        ORGANIZER = "organizer", _("Contact from the organizer")
        PARTNER = "partner", _("Contact from a partner")
        DISPLAY = "display", _("Name shown among recent signers")
        PAPER = "paper", _("Signed on paper")
        PRIVACY = "privacy", _("Privacy statement shown before signing")

    kind = models.CharField(max_length=16, choices=Kind.choices)
    partner = models.ForeignKey(
        "undersign_campaigns.Partner",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consent_versions",
    )
    language = models.CharField(max_length=16)
    text = models.TextField()
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent text version")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language}): {self.text[:60]}"
