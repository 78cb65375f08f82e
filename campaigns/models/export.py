"""A background export of signers: who asked, what, how far along, until when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SignerExport(models.Model):
    """One CSV of signers written in the background, for its requester only.

    `filters` holds the filter parameters as given, except that an email search
    is kept only as its blind index: the row itself names no signer.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to start")
        RUNNING = "running", _("Writing")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    campaigns = models.ManyToManyField("undersign_campaigns.Campaign", related_name="+")
    filters = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=80, blank=True)
    error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("signer export")
        verbose_name_plural = _("signer exports")

    def __str__(self) -> str:
        return f"Signer export {self.pk}"

    def is_expired(self) -> bool:
        """Return `True` once the file may no longer be downloaded."""
        return timezone.now() >= self.expires_at
