"""The signature listing, search, inspect, history and usage views.

Every view refuses (403) a user without `view_signers` on the signature's campaign;
the viewset wraps them so Wagtail does not turn the refusal into a redirect.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import log

from campaigns import crypto
from campaigns.admin import audit
from campaigns.admin.signer_filters import SignatureFilterSet, filter_kinds
from campaigns.admin.signers.policy import signer_policy
from campaigns.authorization import campaigns_for, require
from campaigns.models import Campaign, Signature
from campaigns.partners.selectors import campaign_titles

INDEX_URL = "undersign_signatures:index"


def signer_label(signature: Signature) -> str:
    """Return the signer's name and email for permitted eyes, or say it is gone."""
    identity = signature.identity
    if identity is None:
        return _("(anonymized)")
    name = f"{identity.first_name} {identity.last_name}".strip()
    return f"{name} <{identity.email}>" if name else identity.email


def audit_listing(user: Any, filterset: SignatureFilterSet, rows: list[Any]) -> None:
    """Log, per campaign whose signers were shown (or that was chosen), who listed
    them with which kinds of filter and how many rows; never a filter's value.
    """
    shown = Counter(row.campaign_id for row in rows)
    chosen = filterset.is_valid() and filterset.form.cleaned_data.get("campaign")
    if chosen:
        shown.setdefault(chosen.pk, 0)
    kinds = filter_kinds(filterset)
    for campaign in Campaign.objects.filter(pk__in=shown):
        data = {
            "campaign": campaign.public_key,
            "filters": kinds,
            "rows": shown[campaign.pk],
        }
        log(campaign, audit.SIGNERS_LISTED, user=user, data=data)


class SignerSearchForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address"))
    campaign = forms.IntegerField(required=False, widget=forms.HiddenInput)


class SignatureIndexView(IndexView):
    """Signatures of every campaign the user may see, filtered and searchable."""

    any_permission_required = None
    permission_required = "view"
    filterset_class = SignatureFilterSet
    default_ordering = "-created_at"
    paginate_by = 50
    page_title = gettext_lazy("Signatures")
    is_searchable = False  # search goes by POST, so no email lands in a URL

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        # Wagtail's spreadsheet export of listings is off: exports are their own,
        # audited views.
        self.is_export = False

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        # A campaign the user may not see is refused, not silently widened to all.
        wanted = {value for value in request.GET.getlist("campaign") if value}
        if wanted - {str(pk) for pk in self.visible_campaign_ids}:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def visible_campaign_ids(self) -> list[int]:
        return list(campaigns_for(self.request.user).values_list("pk", flat=True))

    @cached_property
    def campaign_titles(self) -> dict[int, str]:
        return campaign_titles(set(self.visible_campaign_ids))

    def get_base_queryset(self) -> QuerySet[Signature]:
        return Signature.objects.filter(
            campaign_id__in=self.visible_campaign_ids
        ).select_related("partner")

    def get_inspect_url(self, instance: Signature) -> str:
        # Every row is of a permitted campaign: no per-row permission query.
        return reverse("undersign_signatures:inspect", args=[instance.pk])

    @cached_property
    def columns(self) -> list[Column]:
        title_column = self._get_title_column_class(TitleColumn)
        return [
            title_column(
                "signer",
                label=_("Signer"),
                accessor=signer_label,
                get_url=self.get_inspect_url,
            ),
            Column(
                "campaign",
                label=_("Campaign"),
                accessor=lambda row: self.campaign_titles.get(row.campaign_id, ""),
            ),
            Column("partner", label=_("Partner"), accessor="partner"),
            Column("status", label=_("Status"), accessor="get_status_display"),
            Column(
                "moderation",
                label=_("Moderation"),
                accessor="get_moderation_display",
            ),
            DateColumn("created_at", label=_("Signed"), sort_key="created_at"),
        ]

    def get_list_more_buttons(self, instance: Signature) -> list[Any]:
        history = reverse("undersign_signatures:history", args=[instance.pk])
        return [
            *super().get_list_more_buttons(instance),
            MenuItem(_("History"), url=history, icon_name="history", priority=30),
        ]

    @cached_property
    def header_buttons(self) -> list[Any]:
        # The export covers what the listing shows: the same filter parameters.
        query = self.request.GET.urlencode()
        export = f"{reverse('undersign_exports:start')}?{query}"
        buttons = [
            HeaderButton(_("Export CSV"), url=export, icon_name="download"),
            HeaderButton(
                _("Export XLSX"), url=f"{export}&format=xlsx", icon_name="download"
            ),
        ]
        if signer_policy.user_has_permission(self.request.user, "moderate"):
            url = reverse("undersign_signatures:moderate")
            buttons.append(HeaderButton(_("Moderate"), url=url, icon_name="warning"))
        return buttons

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(*args, **kwargs)
        audit_listing(self.request.user, self.filters, list(context["object_list"]))
        context["signer_search_form"] = SignerSearchForm(
            initial={"campaign": self.request.GET.get("campaign") or None}
        )
        context["signer_search_active"] = bool(self.request.GET.get("signer"))
        return context


@require_POST
def signer_search(request: HttpRequest) -> HttpResponse:
    """Turn a typed email into its blind index and list its signatures.

    The address is never put in a URL, logged or echoed back; only its keyed hash
    travels, as the `signer` filter.
    """
    if not signer_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    form = SignerSearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Type a whole email address to search for."))
        return redirect(INDEX_URL)
    query = {"signer": crypto.email_index(form.cleaned_data["email"])}
    if form.cleaned_data["campaign"]:
        query["campaign"] = str(form.cleaned_data["campaign"])
    return redirect(f"{reverse(INDEX_URL)}?{urlencode(query)}")


class SignerObjectMixin:
    """Load the signature of the URL; 403 unless its campaign's signers are visible."""

    request: HttpRequest
    pk: Any

    def get_object(self, queryset: Any = None) -> Signature:
        # Checked first, so a user without the permission learns nothing, not
        # even which ids exist.
        if not signer_policy.user_has_permission(self.request.user, "view"):
            raise PermissionDenied
        signature = get_object_or_404(
            Signature.objects.select_related("campaign", "partner"), pk=self.pk
        )
        require(self.request.user, signature.campaign)
        return signature


class SignatureInspectView(SignerObjectMixin, InspectView):
    """Every field, the identity, the answers and the exact consent texts."""

    any_permission_required = None
    permission_required = "view"
    fields = [
        "campaign",
        "partner",
        "partner_key",
        "status",
        "moderation",
        "moderation_reason",
        "is_test",
        "language",
        "country",
        "postal_code",
        "email_domain",
        "source",
        "created_at",
        "confirmed_at",
        "withdrawn_at",
    ]

    def get_page_subtitle(self) -> str:
        return _("Signature %(id)s") % {"id": self.object.pk}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)
        signature = self.object
        context["identity"] = signature.identity
        context["consents"] = signature.consents.select_related(
            "version", "version__partner"
        ).order_by("version__kind", "pk")
        context["campaign_title"] = campaign_titles({signature.campaign_id}).get(
            signature.campaign_id, signature.campaign.public_key
        )
        context["history_url"] = reverse(
            "undersign_signatures:history", args=[signature.pk]
        )
        log(signature, audit.SIGNER_INSPECTED, user=self.request.user)
        return context


class SignatureHistoryView(SignerObjectMixin, HistoryView):
    """Wagtail's log entries of one signature: who inspected or moderated it."""

    any_permission_required = None
    permission_required = "view"
    header_buttons: list[Any] = []

    def get_page_subtitle(self) -> str:
        return _("Signature %(id)s") % {"id": self.object.pk}


class SignatureUsageView(SignerObjectMixin, UsageView):
    """What refers to a signature (Wagtail's usage view), under the same guard."""

    permission_required = "view"
    header_buttons: list[Any] = []

    def get_page_subtitle(self) -> str:
        return _("Signature %(id)s") % {"id": self.object.pk}
