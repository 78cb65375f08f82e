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

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPartner,
    Partner,
)
from campaigns.sections import section_create
from campaigns.services import campaign_identity
from cms.seed import ice_free_nyc as seed

# The page Wagtail's first migration creates: the demo's home, renamed.
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
HOME_TITLE = "Undersign"
HOME_SLUG = "home"
# What `make run` serves (cms/devserver.sh), so the site's absolute URLs work.
SITE_HOSTNAME = "127.0.0.1"


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


def _seed_home(site: Site | None) -> Page:
    """Return the site's home page, creating it where the old demo had none.

    Before campaigns had a section, the demo campaign itself was the site's
    root; such a database gets a home page (the campaign moves below).
    """
    root = Page.get_first_root_node()
    if site is not None and not isinstance(site.root_page.specific, CampaignPage):
        home = site.root_page
    else:
        home = root.get_children().filter(slug=HOME_SLUG).first() or root.add_child(
            instance=Page(title=HOME_TITLE, slug=HOME_SLUG)
        )
    if home.title == WAGTAIL_WELCOME_TITLE:
        home.title = HOME_TITLE
        home.save_revision().publish()
    return home


def seed_site(*, port: int) -> Site:
    """Point the default site at its home page, at the address `make run` serves."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = _seed_home(site)
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port, site.root_page = SITE_HOSTNAME, port, home
    site.save()
    return site


def _move_into_section(page: CampaignPage, site: Site) -> None:
    """Move `page` and its translations (old demo: beside the home) into the
    site's campaigns section in their languages."""
    for translation in [page, *page.get_translations()]:
        if translation.get_parent().specific_class is not CampaignIndexPage:
            section = section_create(site=site, locale=translation.locale, user=None)
            translation.move(section, pos="last-child")


def seed_campaign(partner: Partner, site: Site) -> CampaignPage:
    """Return the demo campaign in the site's campaigns section with `partner`
    linked, publishing it when created.

    An existing campaign keeps whatever editors changed; only a missing partner
    link is added back, and a campaign outside the section is moved into it.
    """
    home = site.root_page
    section = section_create(site=site, locale=home.locale, user=None)
    page = CampaignPage.objects.filter(slug=seed.SLUG, locale=home.locale).first()
    if page is None:
        page = _new_campaign(partner)
        section.add_child(instance=page)
        page.save_revision().publish()
    else:
        _move_into_section(page, site)
        if not CampaignPartner.objects.filter(page=page, partner=partner).exists():
            CampaignPartner.objects.create(
                page=page, partner=partner, consent_label=seed.PARTNER_CONSENT
            )
            # Partners are part of the page's content: publish so the live page
            # has it.
            page.save_revision().publish()
    campaign_identity(page, public_key=seed.PUBLIC_KEY)
    return page


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
def seed_demo(*, port: int, partner_port: int, with_admin: bool) -> Seeded:
    """Seed the site on `port`, its campaigns section, the campaign, its partner
    and (in development) an admin."""
    seed_locales()
    partner = seed_partner(partner_port)
    page = seed_campaign(partner, seed_site(port=port))
    return Seeded(page, partner, seed_admin() if with_admin else None)
