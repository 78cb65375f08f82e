"""The site's security headers beyond Django's own: one merged CSP, referrer rules.

`ContentSecurityPolicyMiddleware` writes django-csp's policy from settings and keeps
the directives a view set itself (the embed page's per-campaign `frame-ancestors`),
so a response always carries exactly one `Content-Security-Policy` header. The
plugin sets its own directives without knowing django-csp is there; on a site
without it, the view's header simply stands alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# Pages whose URL carries a secret (confirm, withdraw, your-data links) tell the
# browser to send no Referer at all, not even to our own static files.
PRIVATE_LINK_KWARG = "token"


def parse_policy(header: str) -> dict[str, list[str]]:
    """Return `{directive: [sources]}` for a CSP header value (`[]`: no sources)."""
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def _loose_directives(path: str) -> dict[str, Any] | None:
    # The Wagtail admin (and the API's Swagger page) run inline scripts and
    # styles: they get their own, looser policy instead of the public one.
    loose = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None) or {}
    if path.startswith(tuple(loose.get("PATH_PREFIXES", ()))):
        return default_config(loose.get("DIRECTIVES", {}))
    return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, merging a view's own CSP header into the policy."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        """Write one CSP header: the site's policy with the view's directives."""
        own = response.headers.get(HEADER)
        if own:
            del response[HEADER]
            replace = getattr(response, "_csp_replace", None) or {}
            response._csp_replace = {**parse_policy(own), **replace}  # type: ignore[attr-defined]  # django-csp reads it
        response = super().process_response(request, response)
        if own and HEADER not in response:
            response[HEADER] = own  # exempted from the site policy: keep the view's
        return response

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        """Return the policy parts, with the admin's own policy under its prefixes."""
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            parts.config = _loose_directives(request.path_info)
        return parts


class TokenReferrerPolicyMiddleware:
    """Send `Referrer-Policy: no-referrer` from every page whose URL has a token."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and PRIVATE_LINK_KWARG in match.kwargs:
            response["Referrer-Policy"] = "no-referrer"
        return response
