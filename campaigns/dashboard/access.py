"""Who may see a campaign's dashboard and change its state.

The dashboard shows counts only, never a signer, so editors of a campaign's page see
it as well as those who may view its signers. Users are typed `Any`: a site may
bring its own user model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from campaigns.admin.signer_access import VIEW_SIGNERS, campaigns_for, may
from campaigns.delivery_pdf.selectors import NamesPromise
from campaigns.models import Campaign, CampaignPage

EDIT_PAGE = "change"


def dashboard_campaigns(user: Any) -> QuerySet[Campaign]:
    """Return the campaigns whose dashboard `user` may see."""
    return campaigns_for(user, EDIT_PAGE, VIEW_SIGNERS)


def require_dashboard(user: Any, campaign: Campaign) -> None:
    """Raise `PermissionDenied` unless `user` may see `campaign`'s dashboard."""
    if not dashboard_campaigns(user).filter(pk=campaign.pk).exists():
        raise PermissionDenied


def may_change_state(user: Any, pages: Iterable[CampaignPage]) -> bool:
    """Return `True` if `user` may publish every one of `pages` (all translations)."""
    return all(page.permissions_for_user(user).can_publish() for page in pages)


def may_include_names(user: Any, campaign: Campaign, promise: NamesPromise) -> bool:
    """Return `True` if `user` may make a delivery with signers' names.

    Only if the campaign told its signers their names go to the target, and only
    for those who may see its signers.
    """
    return promise.promised and may(user, campaign, VIEW_SIGNERS)
