"""Seed the demo idempotently: running it again changes nothing an editor wrote."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from campaigns.models import CampaignPage, CampaignPartner, Partner
from campaigns.services import campaign_identity
from cms.seed import ice_free_nyc as seed

# The page Wagtail's first migration creates; replaced by the campaign as home.
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


@dataclass(frozen=True)
class Seeded:
    page: CampaignPage
    partner: Partner
    admin_password: str | None


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def _new_campaign(partner: Partner) -> CampaignPage:
    return CampaignPage(
        title=seed.TITLE,
        slug=seed.SLUG,
        kicker=seed.KICKER,
        call_to_action=seed.CALL_TO_ACTION,
        target=seed.TARGET,
        background=[
            ("paragraph", RichText(_paragraphs([text]))) for text in seed.BACKGROUND
        ],
        letter=_paragraphs(seed.LETTER),
        demands=[("demand", text) for text in seed.DEMANDS],
        organizer_name=seed.ORGANIZER,
        goal=seed.GOAL,
        thank_you_message=seed.THANK_YOU,
        share_text=seed.SHARE_TEXT,
        organizer_consent_label=seed.ORGANIZER_CONSENT,
        campaign_partners=[
            CampaignPartner(partner=partner, consent_label=seed.PARTNER_CONSENT)
        ],
    )


def seed_partner(partner_port: int) -> Partner:
    """Return the demo partner, allowed to embed from the local partner page."""
    origins = f"http://127.0.0.1:{partner_port}\nhttp://localhost:{partner_port}"
    partner, _created = Partner.objects.update_or_create(
        slug=seed.PARTNER_SLUG,
        defaults={"allowed_origins": origins},
        create_defaults={
            "name": seed.PARTNER_NAME,
            "website": seed.PARTNER_WEBSITE,
            "allowed_origins": origins,
        },
    )
    return partner


def seed_campaign(partner: Partner) -> CampaignPage:
    """Return the demo campaign with `partner` linked, publishing it when created.

    An existing campaign keeps whatever editors changed; only a missing partner
    link is added back.
    """
    page = CampaignPage.objects.filter(slug=seed.SLUG, depth=2).first()
    if page is None:
        page = _new_campaign(partner)
        Page.get_first_root_node().add_child(instance=page)
        page.save_revision().publish()
    elif not CampaignPartner.objects.filter(page=page, partner=partner).exists():
        CampaignPartner.objects.create(
            page=page, partner=partner, consent_label=seed.PARTNER_CONSENT
        )
        # Partners are part of the page's content: publish so the live page has it.
        page.save_revision().publish()
    campaign_identity(page, public_key=seed.PUBLIC_KEY)
    return page


def seed_site(page: CampaignPage) -> None:
    """Make the campaign the default site's home, so `/` leads to it."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=page, is_default_site=True
        )
    elif site.root_page_id != page.pk:
        site.root_page = page
        site.save()
    welcome = Page.objects.filter(
        depth=2, title=WAGTAIL_WELCOME_TITLE, numchild=0
    ).first()
    if welcome is not None and welcome.specific_class is Page:
        welcome.delete()


def seed_locales() -> None:
    """Create a Wagtail locale for every site language, so editors can translate."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def seed_admin() -> str:
    """Create or reset the local `admin` superuser; return its new password."""
    password = secrets.token_urlsafe(12)
    user, _created = get_user_model().objects.get_or_create(
        username="admin", defaults={"email": "admin@example.org"}
    )
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(password)
    user.save()
    return password


@transaction.atomic
def seed_demo(*, partner_port: int, with_admin: bool) -> Seeded:
    """Seed the campaign, its partner, the site and (in development) an admin."""
    seed_locales()
    partner = seed_partner(partner_port)
    page = seed_campaign(partner)
    seed_site(page)
    return Seeded(page, partner, seed_admin() if with_admin else None)
