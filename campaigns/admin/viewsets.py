"""The webhook delivery log: state, attempts and errors, never the payload."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log

from campaigns.admin import audit
from campaigns.deliveries.outbox import WEBHOOK_SIGNATURE, WEBHOOK_WITHDRAWAL
from campaigns.models import Delivery

WEBHOOK_KINDS = (WEBHOOK_SIGNATURE, WEBHOOK_WITHDRAWAL)


def webhook_deliveries() -> QuerySet[Delivery]:
    return Delivery.objects.filter(kind__in=WEBHOOK_KINDS).select_related("partner")


def resend(delivery: Delivery) -> None:
    """Make `delivery` due now, whatever its state; a dispatcher sends it next."""
    Delivery.objects.filter(pk=delivery.pk).update(
        state=Delivery.State.PENDING,
        next_attempt_at=timezone.now(),
        leased_until=None,
        done_at=None,
    )


class DeliveryIndexView(IndexView):
    """Read-only listing with a re-send button per row."""

    def get_base_queryset(self) -> QuerySet[Delivery]:
        return webhook_deliveries().order_by("-created_at")

    def get_list_buttons(self, instance: Delivery) -> list[Any]:
        url = reverse("undersign_webhook_deliveries:resend", args=[instance.pk])
        return [ListingButton(_("Re-send"), url=url, icon_name="redirect")]


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    url_prefix = "undersign/webhook-deliveries"
    name = "undersign_webhook_deliveries"
    menu_label = gettext_lazy("Webhook deliveries")
    icon = "mail"
    add_to_admin_menu = True
    menu_order = 910
    index_view_class = DeliveryIndexView
    list_display = [
        "kind",
        "partner",
        "state",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["partner", "state", "kind"]
    form_fields = ["state"]
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # A log is read, not edited: no add, edit, copy or delete links.
        return super().get_index_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            copy_url_name=None,
            **kwargs,
        )

    def resend_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Confirm, then set the delivery due again (audited)."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        delivery = get_object_or_404(webhook_deliveries(), pk=pk)
        if request.method == "POST":
            resend(delivery)
            log(delivery, audit.RESEND, user=request.user)
            messages.success(request, _("The delivery will be sent again shortly."))
            return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "undersign/admin/delivery_resend.html",
            {"page_title": _("Re-send delivery"), "delivery": delivery},
        )

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("resend/<int:pk>/", self.resend_view, name="resend"),
        ]


delivery_viewset = DeliveryViewSet()
