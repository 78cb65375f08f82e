"""Partner organizations that embed campaigns and may receive consenting signers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from campaigns import crypto


class Partner(index.Indexed, models.Model):
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The organization's name, as signers see it in consent boxes."),
    )
    slug = models.SlugField(
        _("partner key"),
        max_length=80,
        unique=True,
        help_text=_(
            "Goes in the embed snippet's partner attribute and in shared links."
        ),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The organization's home page.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown in the admin's list of partners."),
    )
    allowed_origins = models.TextField(
        _("allowed origins"),
        blank=True,
        help_text=_(
            "One origin per line, such as https://example.org or "
            "http://localhost:8080 — the sites allowed to embed and sign. Scheme, "
            "host and port only: no paths, no wildcards."
        ),
    )
    contact_name = models.CharField(
        _("contact name"),
        max_length=200,
        blank=True,
        help_text=_("Who to ask about the embed or the partner's data."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Where to write about the embed or the partner's data."),
    )
    webhook_url = models.URLField(
        _("webhook URL"),
        blank=True,
        help_text=_("Consenting signers and withdrawals are POSTed here, signed."),
    )
    webhook_secret = models.TextField(
        blank=True, editable=False, help_text=_("Encrypted; see `webhook_key`.")
    )
    is_test_mode = models.BooleanField(
        _("test mode"),
        default=False,
        help_text=_(
            "Signatures through this partner are marked as tests and never "
            "counted, so the partner can try the embed on their site before launch."
        ),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        # Changing a partner opens no signer data; sending signers to it (a token,
        # a webhook destination) is this separate, audited permission.
        permissions = [
            (
                "route_signer_data",
                _("Can issue partner API tokens and set webhook destinations"),
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def webhook_key(self) -> str:
        """Return the decrypted webhook signing secret ("" if none)."""
        if not self.webhook_secret:
            return ""
        return str(crypto.decrypt_json(self.webhook_secret)["secret"])

    @webhook_key.setter
    def webhook_key(self, value: str) -> None:
        self.webhook_secret = crypto.encrypt_json({"secret": value}) if value else ""

    @property
    def origins(self) -> list[str]:
        """Return the allowed origins, one per non-empty line, no trailing slash."""
        return [
            line.strip().rstrip("/")
            for line in self.allowed_origins.splitlines()
            if line.strip()
        ]
