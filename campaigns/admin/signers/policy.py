"""A Wagtail permission policy for signatures, backed by per-campaign page permissions.

Actions: `view` (the `view_signers` page permission) and `moderate`
(`moderate_signers`). Signatures are never added, edited or deleted here.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.permission_policies.base import BasePermissionPolicy

from campaigns.authorization import (
    MODERATE_SIGNERS,
    VIEW_SIGNERS,
    campaigns_for,
    may,
)
from campaigns.models import Signature

PAGE_ACTIONS = {"view": VIEW_SIGNERS, "moderate": MODERATE_SIGNERS}


class SignerPermissionPolicy(BasePermissionPolicy):
    def __init__(self) -> None:
        super().__init__(Signature)

    def user_has_permission(self, user: Any, action: str) -> bool:
        """Return `True` if `user` may perform `action` on some campaign's signers."""
        page_action = PAGE_ACTIONS.get(action)
        return page_action is not None and campaigns_for(user, page_action).exists()

    def user_has_permission_for_instance(
        self, user: Any, action: str, instance: Signature
    ) -> bool:
        """Return `True` if `user` may perform `action` on `instance`'s campaign."""
        page_action = PAGE_ACTIONS.get(action)
        return page_action is not None and may(user, instance.campaign, page_action)

    def instances_user_has_any_permission_for(
        self, user: Any, actions: list[str]
    ) -> QuerySet[Signature]:
        """Return the signatures of every campaign where `user` may do any action."""
        signatures = Signature.objects.none()
        for action in actions:
            if page_action := PAGE_ACTIONS.get(action):
                campaigns = campaigns_for(user, page_action)
                signatures |= Signature.objects.filter(campaign__in=campaigns)
        return signatures


signer_policy = SignerPermissionPolicy()


class SignatureURLFinder(ModelAdminURLFinder):
    """Links a signature (e.g. in the site history report) to its inspect view."""

    edit_url_name = "undersign_signatures:inspect"

    def get_edit_url(self, instance: Signature) -> str | None:
        if self.user and not signer_policy.user_has_permission_for_instance(
            self.user, "view", instance
        ):
            return None
        return self.construct_edit_url(instance)
