"""Refusals in the admin answered as 403: who may do what is decided in
`campaigns.authorization`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.views.defaults import permission_denied


def forbidden_is_403(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Answer a refused view with 403.

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
