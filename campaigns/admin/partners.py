"""The partners viewset: search, filters, logos, validated origins, tokens.

API tokens and webhook secrets are issued by the partner pages in
`campaigns.admin.views` (shown once, stored hashed); this viewset links to them.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from campaigns.admin.viewsets import delivery_viewset
from campaigns.authorization import (
    may_issue_partner_tokens,
    may_route_partner,
    may_view_partner_signers,
)
from campaigns.models import CampaignPage, CampaignPartner, Partner
from campaigns.partners.origins import clean_origins


class PartnerForm(WagtailAdminModelForm):
    """Normalizes the allowed origins, reporting each bad line."""

    def clean_allowed_origins(self) -> str:
        return clean_origins(self.cleaned_data["allowed_origins"])


class PartnerFilterSet(WagtailFilterSet):
    has_webhook = django_filters.BooleanFilter(
        label=_("Has a webhook"),
        method="filter_has_webhook",
        widget=django_filters.widgets.BooleanWidget,
    )
    campaign = django_filters.ModelChoiceFilter(
        label=_("Campaign"),
        queryset=CampaignPage.objects.order_by("title"),
        method="filter_campaign",
    )

    class Meta:
        model = Partner
        fields = ["is_test_mode"]

    def filter_has_webhook(
        self, queryset: QuerySet[Partner], name: str, value: bool | None
    ) -> QuerySet[Partner]:
        if value is None:
            return queryset
        return (
            queryset.exclude(webhook_url="")
            if value
            else queryset.filter(webhook_url="")
        )

    def filter_campaign(
        self, queryset: QuerySet[Partner], name: str, value: CampaignPage | None
    ) -> QuerySet[Partner]:
        if value is None:
            return queryset
        # A campaign's partners are the same in each of its translations.
        links = CampaignPartner.objects.filter(
            page__translation_key=value.translation_key
        )
        return queryset.filter(pk__in=links.values("partner_id"))


class LogoColumn(Column):
    cell_template_name = "undersign/admin/partner_logo_cell.html"


def partner_links(user: Any, partner: Partner) -> list[tuple[str, str, str]]:
    """Return `(label, url, icon)` of the partner pages `user` may open: its
    signers, API tokens, webhook settings and webhook delivery log."""
    links = []
    if may_view_partner_signers(user, partner):
        url = reverse("undersign_partner_signers", args=[partner.pk])
        links.append((str(_("Signers")), url, "user"))
    if may_issue_partner_tokens(user, partner):
        url = reverse("undersign_partner_tokens", args=[partner.pk])
        links.append((str(_("API tokens")), url, "key"))
    if may_route_partner(user, partner):
        url = reverse("undersign_partner_webhook", args=[partner.pk])
        links.append((str(_("Webhook")), url, "link"))
    if delivery_viewset.permission_policy.user_has_any_permission(
        user, {"add", "change", "delete", "view"}
    ):
        url = reverse(delivery_viewset.get_url_name("index"))
        links.append((str(_("Delivery log")), f"{url}?partner={partner.pk}", "mail"))
    return links


class PartnerIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet[Partner]:
        return super().get_base_queryset().select_related("logo")

    def get_list_more_buttons(self, instance: Partner) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)
        buttons.extend(
            MenuItem(label, url=url, icon_name=icon, priority=40)
            for label, url, icon in partner_links(self.request.user, instance)
        )
        return buttons


class PartnerEditView(generic.EditView):
    """The partner's form, with its other pages as buttons in the header (not in
    the "…" menu beside Delete)."""

    def get_header_buttons(self) -> list[Any]:
        return [
            *super().get_header_buttons(),
            *(
                HeaderButton(label, url=url, icon_name=icon, priority=40)
                for label, url, icon in partner_links(self.request.user, self.object)
            ),
        ]


class PartnerViewSet(ModelViewSet):
    """Partners in the admin; permissions are the model's `*_partner` perms."""

    model = Partner
    url_prefix = "undersign/partners"
    name = "undersign_partners"
    icon = "group"
    add_to_admin_menu = True
    menu_order = 905
    copy_view_enabled = False
    index_view_class = PartnerIndexView
    edit_view_class = PartnerEditView
    search_fields = ["name", "slug", "website"]
    search_backend_name = None  # the database, so slug and website match too
    filterset_class = PartnerFilterSet
    list_display = [
        LogoColumn("logo", label=_("Logo")),
        TitleColumn(
            "name", label=_("Name"), url_name="undersign_partners:edit", sort_key="name"
        ),
        "slug",
        "website",
        BooleanColumn("is_test_mode", label=_("Test mode")),
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
            FieldPanel("website"),
            FieldPanel("logo"),
            FieldPanel("allowed_origins"),
            FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
            FieldPanel("is_test_mode"),
        ],
        base_form_class=PartnerForm,
    )


partner_viewset = PartnerViewSet()
