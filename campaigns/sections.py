"""Where a new campaign goes: a site's campaigns section, in a given language."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from campaigns.models import CampaignIndexPage

SECTION_SLUG = "campaigns"


def site_section(site: Site) -> CampaignIndexPage | None:
    """Return `site`'s campaigns section in the site's own language, if any."""
    return (
        CampaignIndexPage.objects.descendant_of(site.root_page)
        .order_by("depth", "path")
        .first()
    )


def may_add_under(user: Any, page: Page) -> bool:
    """Return `True` if `user` may add a page under `page`."""
    return bool(page.permissions_for_user(user).can_add_subpage())


def existing_section(site: Site, locale: Locale) -> CampaignIndexPage | None:
    """Return `site`'s campaigns section in `locale` if it exists already."""
    section = site_section(site)
    if section is None or section.locale_id == locale.pk:
        return section
    translated = section.get_translation_or_none(locale)
    return None if translated is None else translated.specific


def _translate_everywhere(section: CampaignIndexPage) -> None:
    """Give `section` (and its parents) a translation in every locale: Wagtail
    offers to translate a campaign only into languages its parent has."""
    present = section.get_translations(inclusive=True).values_list(
        "locale_id", flat=True
    )
    for locale in Locale.objects.exclude(pk__in=list(present)):
        section.copy_for_translation(locale, copy_parents=True, alias=True)


@transaction.atomic
def section_create(*, site: Site, locale: Locale, user: Any) -> CampaignIndexPage:
    """Return `site`'s campaigns section in `locale`, creating what is missing.

    A site without a section gets one under its home page, published, and
    every section has a translation (an alias until edited) in every locale.
    """
    section = site_section(site)
    if section is None:
        section = CampaignIndexPage(title=gettext("Campaigns"), slug=SECTION_SLUG)
        site.root_page.add_child(instance=section)
        section.save_revision(user=user).publish(user=user)
    _translate_everywhere(section)
    if section.locale_id == locale.pk:
        return section
    return section.get_translation(locale).specific
