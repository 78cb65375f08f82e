"""The identity every translation of a campaign page shares."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Campaign(models.Model):
    """One campaign: one public key, one count, one set of signatures.

    Each `CampaignPage` translation points here through its Wagtail
    `translation_key`, so a Spanish page and its English original count together.
    """

    translation_key = models.UUIDField(unique=True, editable=False)
    public_key = models.SlugField(
        _("public key"),
        max_length=80,
        unique=True,
        editable=False,
        help_text=_("Used by embed snippets and the API; never changes."),
    )
    count_offset = models.PositiveIntegerField(
        _("signatures counted elsewhere"),
        default=0,
        help_text=_(
            "Added to the public count, e.g. for signatures collected offline."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.public_key
