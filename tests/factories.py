"""factory_boy factories for the plugin's models."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

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


def restore_wagtail_tree() -> Page:
    """Put back what Wagtail's migrations create and a transactional flush removes.

    `live_server` and `transaction=True` tests flush every table, taking the root
    page, the default locale and the default site with them; return the root.
    """
    ContentType.objects.clear_cache()
    locale, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        home = root.add_child(
            instance=Page(title="Welcome to your new Wagtail site!", slug="home")
        )
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    return root


def campaign_page(
    *, publish: bool = True, parent: Page | None = None, **fields: Any
) -> CampaignPage:
    """Create a campaign page under the root (published unless told otherwise).

    The root is put back first if an earlier transactional test flushed it.
    """
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
    (parent or restore_wagtail_tree()).add_child(instance=page)
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
