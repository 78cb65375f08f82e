"""Who may see, export and moderate which campaign's signers.

Permissions are Wagtail page permissions (`view_signers`, `moderate_signers`),
granted to a group on a campaign page or on a section above it. Holding one on any
translation of a campaign's page grants it for the campaign: translations share one
set of signatures. Users are typed `Any`: a site may bring its own user model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from wagtail.permission_policies.pages import PagePermissionPolicy

from campaigns.models import Campaign, CampaignPage

VIEW_SIGNERS = "view_signers"
MODERATE_SIGNERS = "moderate_signers"


def campaigns_for(user: Any, *actions: str) -> QuerySet[Campaign]:
    """Return the campaigns on whose pages `user` may perform any of `actions`
    (`view_signers` if none is named)."""
    policy = PagePermissionPolicy(CampaignPage)
    pages = policy.instances_user_has_any_permission_for(
        user, set(actions or (VIEW_SIGNERS,))
    )
    keys = pages.values_list("translation_key", flat=True)
    return Campaign.objects.filter(translation_key__in=keys)


def may(user: Any, campaign: Campaign, action: str = VIEW_SIGNERS) -> bool:
    """Return `True` if `user` may perform `action` on `campaign`'s signers."""
    return campaigns_for(user, action).filter(pk=campaign.pk).exists()


def require(user: Any, campaign: Campaign, action: str = VIEW_SIGNERS) -> None:
    """Raise `PermissionDenied` unless `user` may perform `action` on `campaign`."""
    if not may(user, campaign, action):
        raise PermissionDenied


def asked_campaign_ids(user: Any, action: str, values: Iterable[str]) -> set[int]:
    """Return the campaign ids asked in `values` (blanks ignored; none asked, none).

    Raises `PermissionDenied` if a value is not a number or names a campaign on
    which `user` may not perform `action`.
    """
    asked = [value for value in values if value]
    if not all(value.isdigit() for value in asked):
        raise PermissionDenied
    ids = {int(value) for value in asked}
    if ids and not ids <= set(campaigns_for(user, action).values_list("pk", flat=True)):
        raise PermissionDenied
    return ids
