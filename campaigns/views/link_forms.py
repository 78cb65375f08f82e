"""The buttons behind emailed links: their token is their credential, not a cookie.

Pages whose URL carries a link token are sent with `Referrer-Policy: no-referrer`,
so the token never leaves in a Referer, not even to our own static files. Under
that policy Chromium, Firefox and Safari post the page's own form with
`Origin: null`, which Django's CSRF check refuses. These views therefore skip
Django's CSRF check: nothing but the token gives them authority (no session, no
cookie), so a forged request can do nothing that whoever holds the token could
not do from their own machine. They still refuse a POST that the browser says
came from another site (`Sec-Fetch-Site`), or whose `Origin` names another
origin. docs/security.md explains the choice.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

INVALID_TEMPLATE = "undersign/links/invalid.html"
# `none`: the person started the request themselves (e.g. reloading the page).
OWN_FETCH_SITES = frozenset({"same-origin", "none"})


def posted_from_this_site(request: HttpRequest) -> bool:
    """Return `False` if the browser says the request came from another origin.

    `Sec-Fetch-Site` is set by the browser, whatever the referrer policy; where
    it is missing (older browsers, non-browser clients) an `Origin` other than
    `null` must be ours.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site.lower() in OWN_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        return True
    origin = origin.rstrip("/").lower()
    own = f"{request.scheme}://{request.get_host().lower()}"
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS


View = Callable[..., HttpResponseBase]


def link_button(view: View) -> View:
    """Exempt `view` from the CSRF cookie check; refuse posts from other sites."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.method == "POST" and not posted_from_this_site(request):
            context = {"purpose": "foreign"}
            return render(request, INVALID_TEMPLATE, context, status=403)
        return view(request, *args, **kwargs)

    return csrf_exempt(guarded)
