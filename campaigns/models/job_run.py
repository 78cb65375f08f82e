"""When each periodic job last ran: the worker's schedule and the admin's warning."""

from __future__ import annotations

from django.db import models


class JobRun(models.Model):
    name = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField(null=True, blank=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)
    # The exception's type only: a message could carry a signer's data.
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = "periodic job run"

    def __str__(self) -> str:
        return self.name
