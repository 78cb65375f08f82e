"""Who may see which partner's data in the admin.

Users are typed `Any`: a site may bring its own user model.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.views.defaults import permission_denied

from campaigns.models import Partner, PartnerMember

MANAGE_PARTNERS = "undersign_campaigns.change_partner"


def member_partner_id(user: Any) -> int | None:
    """Return the id of the partner `user` acts for, if any."""
    if not user.is_authenticated:
        return None
    return (
        PartnerMember.objects.filter(user=user)
        .values_list("partner_id", flat=True)
        .first()
    )


def can_manage_partners(user: Any) -> bool:
    """Return `True` for organizers, who may see every partner."""
    return user.has_perm(MANAGE_PARTNERS)


def partner_for(user: Any, partner_id: int) -> Partner:
    """Return the partner if `user` acts for it or manages partners; else 403."""
    if member_partner_id(user) != partner_id and not can_manage_partners(user):
        raise PermissionDenied
    return get_object_or_404(Partner, pk=partner_id)


def forbidden_is_403(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Answer a refused partner view with 403.

    Wagtail's admin would turn `PermissionDenied` into a redirect to the dashboard,
    which hides from a partner user (and from tests) that the data is not theirs.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as error:
            return permission_denied(request, error)

    return wrapped
