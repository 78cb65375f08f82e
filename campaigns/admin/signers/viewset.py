"""The signatures viewset: read-only views, a search by POST, and moderation."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from campaigns.admin import moderation
from campaigns.admin.access import forbidden_is_403
from campaigns.admin.signers import views
from campaigns.admin.signers.policy import SignatureURLFinder, signer_policy
from campaigns.models import Signature


class SignaturesMenuItem(MenuItem):
    """Shown to users who may see the signers of at least one campaign."""

    def is_shown(self, request: HttpRequest) -> bool:
        return signer_policy.user_has_permission(request.user, "view")


class SignatureViewSet(ModelViewSet):
    model = Signature
    name = "undersign_signatures"
    url_prefix = "undersign/signatures"
    icon = "list-ul"
    menu_label = _("Signatures")
    menu_item_class = SignaturesMenuItem
    add_to_admin_menu = True
    menu_order = 890
    index_view_class = views.SignatureIndexView
    inspect_view_class = views.SignatureInspectView
    history_view_class = views.SignatureHistoryView
    usage_view_class = views.SignatureUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Signing is the hot path: no reference-index work on every new signature.
    add_to_reference_index = False
    url_finder_class = SignatureURLFinder
    template_prefix = "undersign/admin/signers/"

    def construct_view(self, view_class: type, **kwargs: Any) -> Any:
        """Build a view under the signer policy, answering refusals with 403."""
        view = super().construct_view(
            view_class, permission_policy=signer_policy, **kwargs
        )
        return forbidden_is_403(view)

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # Signatures are made by signing and erased by the erasure view only.
        common: dict[str, Any] = super().get_common_view_kwargs(**kwargs)
        for name in ("add_url_name", "edit_url_name", "delete_url_name"):
            common[name] = None
        return common

    def get_permissions_to_register(self) -> QuerySet[Permission]:
        # Access is granted per campaign through page permissions, not model ones.
        return Permission.objects.none()

    def register_permissions(self) -> None:
        # No model permissions to offer in the group editor, and no policy to
        # register globally: the views carry `signer_policy` themselves.
        return None

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("search/", forbidden_is_403(views.signer_search), name="search"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path(
                "history-results/<int:pk>/",
                self.history_results_view,
                name="history_results",
            ),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path(
                "moderate/",
                forbidden_is_403(moderation.moderate_signatures),
                name="moderate",
            ),
        ]


signature_viewset = SignatureViewSet()
