"""factory_boy factories for the plugin's models."""

from __future__ import annotations

from typing import Any

import factory
from wagtail.models import Page

from campaigns.models import CampaignPage, CampaignPartner, Partner
from campaigns.services import campaign_identity


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Partner {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    website = "https://partner.example"
    allowed_origins = "https://partner.example"


def campaign_page(
    *, publish: bool = True, parent: Page | None = None, **fields: Any
) -> CampaignPage:
    """Create a campaign page under the root (published unless told otherwise)."""
    defaults: dict[str, Any] = {
        "title": "Stop the detentions",
        "slug": "stop-the-detentions",
        "call_to_action": "Tell the Mayor to stop all collaboration with ICE",
        "target": "Mayor of New York",
        "letter": "<p>Dear Mayor,</p><p>We call on you to act.</p>",
        "organizer_name": "ICE-Free NYC",
        "organizer_consent_label": "Keep me updated about this campaign",
        "goal": 1000,
    }
    defaults.update(fields)
    page = CampaignPage(**defaults)
    (parent or Page.get_first_root_node()).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
        page.save_revision()
    campaign_identity(page)
    page.refresh_from_db()
    return page


def link_partner(
    page: CampaignPage, partner: Partner, label: str = ""
) -> CampaignPartner:
    """Add `partner` to `page`'s partners and publish the change."""
    link = CampaignPartner.objects.create(
        page=page,
        partner=partner,
        consent_label=label or f"Allow {partner.name} to contact me",
    )
    page.save_revision().publish()
    return link
