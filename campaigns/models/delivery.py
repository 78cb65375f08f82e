"""The outbox: work owed to the world after a signing, written in its transaction."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    """One email, webhook or event to deliver, claimed by a dispatcher under a lease.

    It carries ids only: whatever a handler sends, it reads at send time.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(max_length=40)
    signature = models.ForeignKey(
        "undersign_campaigns.Signature",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    partner = models.ForeignKey(
        "undersign_campaigns.Partner",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    # The language the person was using when this was owed, where it differs
    # from the signature's (someone signing again on another language's page).
    language = models.CharField(max_length=15, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    leased_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="undersign_due"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.state})"
