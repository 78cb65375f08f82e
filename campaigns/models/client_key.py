"""The daily secrets behind client keys, the only link from a signature to a client.

A client key is a keyed hash of the client's address under the secret of the day
it signed. The secret is stored encrypted and deleted after a week; from then on
the keys made with it link to nothing.
"""

from __future__ import annotations

from django.db import models


class ClientKeySecret(models.Model):
    day = models.DateField(unique=True)
    secret = models.TextField(help_text="Encrypted; deleted after the retention days.")

    class Meta:
        verbose_name = "client key secret"

    def __str__(self) -> str:
        return f"Client key secret of {self.day}"
