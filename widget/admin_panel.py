"""The campaign editor's Embed tab: every snippet per partner, a preview, stray keys.

Added to the editor through `campaigns.panels.EDITOR_PANELS_HOOK` (see
`widget.wagtail_hooks`). Snippets hold no signer data, so whoever may edit the
page sees them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel

from campaigns.conf import conf
from campaigns.models import CampaignPage, Partner
from campaigns.selectors import unknown_partner_keys
from campaigns.services import campaign_identity
from widget.snippets import Snippets, page_snippets

COPY_SCRIPT = "undersign_widget/admin/copy.js"


@dataclass(frozen=True)
class PartnerEmbed:
    """The snippets for one partner, or for the organizer's own sites (`None`)."""

    partner: Partner | None
    snippets: Snippets

    @property
    def prefix(self) -> str:
        """Return a stable HTML id prefix for this partner's snippets."""
        return f"undersign-embed-{self.partner.pk if self.partner else 'own'}"


def site_origin(request: HttpRequest) -> str:
    """Return the public site's origin: `UNDERSIGN_SITE_URL`, else this request's."""
    return conf.SITE_URL or request.build_absolute_uri("/").rstrip("/")


def embed_context(request: HttpRequest, page: CampaignPage) -> dict[str, Any]:
    """Return what the Embed tab shows for `page`; only `is_new` for an unsaved page."""
    if page.pk is None:
        return {"is_new": True}
    campaign = campaign_identity(page)
    site = site_origin(request)
    partners = [
        link.partner for link in page.campaign_partners.select_related("partner")
    ]
    embeds = [
        PartnerEmbed(partner, page_snippets(site=site, page=page, partner=key))
        for partner, key in [(None, ""), *((p, p.slug) for p in partners)]
    ]
    preview_url = ""
    if page.live:
        preview_url = reverse(
            "undersign_widget:embed", kwargs={"key": campaign.public_key}
        )
    return {
        "is_new": False,
        "campaign": campaign,
        "embeds": embeds,
        "preview_url": preview_url,
        "unknown_keys": unknown_partner_keys(campaign),
    }


class EmbedPanel(Panel):
    """Read-only panel with the snippets, a copy button each and a live preview."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "undersign_widget/admin/embed_panel.html"

        @property
        def media(self) -> forms.Media:
            return forms.Media(js=[COPY_SCRIPT])

        def get_context_data(
            self, parent_context: dict[str, Any] | None = None
        ) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context.update(embed_context(self.request, self.instance))
            return context


def embed_tab() -> ObjectList:
    """Return the editor's Embed tab."""
    return ObjectList([EmbedPanel(heading=_("Embed snippets"))], heading=_("Embed"))
