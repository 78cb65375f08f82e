"""Partner API authentication: `OSDI-API-Token: <token>`, the header OSDI clients
send, or `Authorization: Bearer <token>`; checked by digest."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from campaigns.models import Partner, PartnerToken
from campaigns.partners.tokens import token_authenticate

KEYWORD = "Bearer"
OSDI_HEADER = "OSDI-API-Token"


class PartnerTokenAuthentication(BaseAuthentication):
    """Authenticate a partner by an unrevoked token; `request.user` is the partner."""

    def authenticate(self, request: Request) -> tuple[Partner, PartnerToken] | None:
        plaintext = request.headers.get(OSDI_HEADER, "").strip()
        if not plaintext:
            parts = get_authorization_header(request).split()
            if not parts or parts[0].decode(errors="replace").lower() != "bearer":
                return None
            if len(parts) != 2:
                raise exceptions.AuthenticationFailed(_("Malformed bearer token."))
            plaintext = parts[1].decode(errors="replace")
        token = token_authenticate(plaintext)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        return token.partner, token

    def authenticate_header(self, request: Request) -> str:
        # A header here makes DRF answer 401 rather than 403.
        return f'{KEYWORD} realm="partner-api"'


class IsPartner(BasePermission):
    """Allow only requests authenticated by a partner token."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return isinstance(request.auth, PartnerToken)


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    target_class = PartnerTokenAuthentication
    name = "osdiApiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": OSDI_HEADER,
            "description": (
                "A partner API token, created in the admin and shown once. "
                "`Authorization: Bearer <token>` is accepted too."
            ),
        }
