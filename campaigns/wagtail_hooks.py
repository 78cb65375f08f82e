"""Wagtail hooks: campaign identity, partner self-service, delivery log, erasure,
the campaign dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogActionRegistry
from wagtail.models import Page

from campaigns.admin import audit, erasure
from campaigns.admin.access import forbidden_is_403
from campaigns.admin.new_campaign import (
    APP_LABEL,
    MODEL_NAME,
    may_add_pages,
    new_campaign,
)
from campaigns.admin.partners import partner_viewset
from campaigns.admin.signers.viewset import signature_viewset
from campaigns.admin.urls import urlpatterns as partner_urls
from campaigns.admin.viewsets import delivery_viewset
from campaigns.admin.worker_warning import WorkerWarningPanel
from campaigns.authorization import (
    campaigns_for,
    can_erase_signers,
    dashboard_campaigns,
    may_import,
    member_partner_id,
)
from campaigns.dashboard.panels import CampaignsPanel
from campaigns.dashboard.urls import urlpatterns as dashboard_urls
from campaigns.exports import urls as export_urls
from campaigns.models import CampaignPage
from campaigns.paper.views import paper_view
from campaigns.services import campaign_identity


@hooks.register("after_create_page")
def create_campaign_identity(request: HttpRequest, page: Page) -> None:
    if isinstance(page, CampaignPage):
        campaign_identity(page)


class NewCampaignMenuItem(MenuItem):
    """Shown to those who may add pages."""

    def is_shown(self, request: HttpRequest) -> bool:
        return may_add_pages(request.user)


@hooks.register("register_admin_menu_item")
def register_campaigns_menu() -> MenuItem:
    return SubmenuMenuItem(
        _("Campaigns"),
        Menu(
            items=[
                NewCampaignMenuItem(
                    _("New campaign"),
                    reverse("undersign_new_campaign"),
                    icon_name="plus",
                    order=100,
                ),
                MenuItem(
                    _("All campaigns"),
                    reverse(
                        "wagtailadmin_pages:type_use", args=(APP_LABEL, MODEL_NAME)
                    ),
                    icon_name="list-ul",
                    order=200,
                ),
            ]
        ),
        icon_name="form",
        order=150,
    )


@hooks.register("register_admin_urls")
def register_new_campaign_url() -> list[URLPattern]:
    return [
        path("undersign/campaigns/new/", new_campaign, name="undersign_new_campaign")
    ]


class PartnerMenuItem(MenuItem):
    """Shown to partner users; organizers reach the same pages from "Partners"."""

    def is_shown(self, request: HttpRequest) -> bool:
        return member_partner_id(request.user) is not None


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


@hooks.register("register_admin_viewset")
def register_partners() -> ModelViewSet:
    return partner_viewset


@hooks.register("register_log_actions")
def register_partner_log_actions(actions: LogActionRegistry) -> None:
    audit.register_actions(actions)


class EraseSignerMenuItem(MenuItem):
    """Shown to those who may erase signers (see `campaigns.admin.erasure`)."""

    def is_shown(self, request: HttpRequest) -> bool:
        return can_erase_signers(request.user)


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


T = TypeVar("T")
# Where a user object (one request's) keeps what the page buttons asked: the
# explorer asks for every row it lists.
BUTTONS_ATTR = "_undersign_page_buttons"


def _once_per_user(user: Any, name: str, compute: Callable[[], T]) -> T:
    """Return `compute()`, computed once for this user object."""
    found: dict[str, Any] | None = getattr(user, BUTTONS_ATTR, None)
    if found is None:
        found = {}
        setattr(user, BUTTONS_ATTR, found)
    if name not in found:
        found[name] = compute()
    return cast(T, found[name])


class DashboardButton(PageMenuItem):
    """Links a campaign page to its dashboard, for those who may see it."""

    label = _("Dashboard")
    icon_name = "table"
    url_name = "undersign_dashboard"

    def is_shown(self, user: Any) -> bool:
        keys = _once_per_user(
            user,
            "dashboard",
            lambda: set(
                dashboard_campaigns(user).values_list("translation_key", flat=True)
            ),
        )
        return self.page.translation_key in keys


@hooks.register("register_page_header_buttons")
def register_dashboard_header_button(
    page: Page, user: Any, view_name: str, next_url: str | None = None
) -> list[PageMenuItem]:
    if not isinstance(page.specific_deferred, CampaignPage):
        return []
    return [DashboardButton(page=page, priority=5)]


@hooks.register("register_page_listing_more_buttons")
def register_dashboard_listing_button(
    page: Page, user: Any, next_url: str | None = None
) -> list[PageMenuItem]:
    if not isinstance(page.specific_deferred, CampaignPage):
        return []
    return [DashboardButton(page=page, priority=1)]


@hooks.register("register_admin_urls")
def register_dashboard_urls() -> list[URLPattern]:
    return dashboard_urls


@hooks.register("construct_homepage_panels")
def add_campaigns_panel(request: HttpRequest, panels: list[Component]) -> None:
    panels.append(CampaignsPanel(request.user))


@hooks.register("construct_homepage_panels")
def add_worker_warning(request: HttpRequest, panels: list[Component]) -> None:
    panels.append(WorkerWarningPanel())


@hooks.register("register_admin_viewset")
def register_signatures() -> ModelViewSet:
    return signature_viewset


@hooks.register("register_page_header_buttons")
def register_signers_header_button(
    page: Page, user: Any, view_name: str, next_url: str | None = None
) -> list[PageMenuItem]:
    return _signers_buttons(page, user, priority=6)


@hooks.register("register_page_listing_more_buttons")
def register_signers_listing_button(
    page: Page, user: Any, next_url: str | None = None
) -> list[PageMenuItem]:
    return _signers_buttons(page, user, priority=2)


def _signers_buttons(page: Page, user: Any, priority: int) -> list[PageMenuItem]:
    """Return a link to the campaign's signers if `user` may see them."""
    if not isinstance(page.specific_deferred, CampaignPage):
        return []
    campaign_ids = _once_per_user(
        user,
        "signers",
        lambda: dict(campaigns_for(user).values_list("translation_key", "pk")),
    )
    campaign_id = campaign_ids.get(page.translation_key)
    if campaign_id is None:
        return []
    url = reverse("undersign_signatures:index") + f"?campaign={campaign_id}"
    return [
        PageMenuItem(
            _("Signatures"), url=url, icon_name="list-ul", priority=priority, page=page
        )
    ]


@hooks.register("register_admin_urls")
def register_export_and_paper_urls() -> list[URLPattern | URLResolver]:
    return [
        path("undersign/exports/", include(export_urls, namespace="undersign_exports")),
        path(
            "undersign/paper/<int:page_id>/",
            forbidden_is_403(paper_view),
            name="undersign_paper",
        ),
    ]


class PaperButton(PageMenuItem):
    """Links a campaign page to its paper signatures, for those who may import."""

    label = _("Paper signatures")
    icon_name = "doc-full"
    url_name = "undersign_paper"

    def is_shown(self, user: Any) -> bool:
        return may_import(user, self.page)


@hooks.register("register_page_header_buttons")
def register_paper_header_button(
    page: Page, user: Any, view_name: str, next_url: str | None = None
) -> list[PageMenuItem]:
    if not isinstance(page.specific_deferred, CampaignPage):
        return []
    return [PaperButton(page=page, priority=7)]
