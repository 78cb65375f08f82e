"""The admin's "New campaign": the editor of a campaign in the right place."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from campaigns.sections import existing_section, may_add_under, section_create

APP_LABEL = "undersign_campaigns"
MODEL_NAME = "campaignpage"


def may_add_pages(user: Any) -> bool:
    """Return `True` if `user` may add pages somewhere (and so a campaign)."""
    return bool(PagePermissionPolicy().user_has_permission(user, "add"))


def new_campaign(request: HttpRequest) -> HttpResponse:
    """Open the editor of a new campaign in this site's campaigns section, in the
    organizer's language.

    A missing section (or its translation) is created on a confirmed POST;
    whoever may not add there is asked where to put the campaign instead.
    """
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    locale = Locale.get_active()
    section = existing_section(site, locale)
    if section is None and may_add_under(request.user, site.root_page):
        if request.method != "POST":
            return TemplateResponse(
                request,
                "undersign/admin/new_campaign.html",
                {"page_title": _("New campaign"), "home": site.root_page},
            )
        section = section_create(site=site, locale=locale, user=request.user)
    if section is None or not may_add_under(request.user, section):
        return redirect(
            reverse("wagtailadmin_pages:choose_parent", args=(APP_LABEL, MODEL_NAME))
        )
    return redirect(
        reverse("wagtailadmin_pages:add", args=(APP_LABEL, MODEL_NAME, section.pk))
    )
