"""Wagtail hooks: campaign identity, partner self-service, delivery log, erasure."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogActionRegistry
from wagtail.models import Page

from campaigns.admin import audit, erasure
from campaigns.admin.access import (
    can_manage_partners,
    forbidden_is_403,
    member_partner_id,
)
from campaigns.admin.urls import urlpatterns as partner_urls
from campaigns.admin.viewsets import delivery_viewset
from campaigns.models import CampaignPage
from campaigns.services import campaign_identity


@hooks.register("after_create_page")
def create_campaign_identity(request: HttpRequest, page: Page) -> None:
    if isinstance(page, CampaignPage):
        campaign_identity(page)


class PartnerMenuItem(MenuItem):
    """Shown to partner users and to organizers who manage partners."""

    def is_shown(self, request: HttpRequest) -> bool:
        user = request.user
        return member_partner_id(user) is not None or can_manage_partners(user)


@hooks.register("register_admin_menu_item")
def register_partner_menu_item() -> MenuItem:
    return PartnerMenuItem(
        _("Partner"), reverse("undersign_partner_home"), icon_name="group", order=900
    )


@hooks.register("register_admin_urls")
def register_partner_urls() -> list[URLPattern]:
    return partner_urls


@hooks.register("register_admin_viewset")
def register_delivery_log() -> ModelViewSet:
    return delivery_viewset


@hooks.register("register_log_actions")
def register_partner_log_actions(actions: LogActionRegistry) -> None:
    audit.register_actions(actions)


class EraseSignerMenuItem(MenuItem):
    """Shown to those who may erase signers (see `campaigns.admin.erasure`)."""

    def is_shown(self, request: HttpRequest) -> bool:
        return erasure.can_erase_signers(request.user)


@hooks.register("register_settings_menu_item")
def register_erase_signer_menu_item() -> MenuItem:
    return EraseSignerMenuItem(
        _("Erase a signer"), reverse("undersign_erase_signer"), icon_name="bin"
    )


@hooks.register("register_admin_urls")
def register_erase_signer_url() -> list[URLPattern]:
    view = forbidden_is_403(erasure.erase_signer)
    return [path("undersign/erase-signer/", view, name="undersign_erase_signer")]


@hooks.register("register_log_actions")
def register_erasure_log_actions(actions: LogActionRegistry) -> None:
    erasure.register_actions(actions)
