"""Admin URLs of partner self-service, mounted by `wagtail_hooks`."""

from __future__ import annotations

from django.urls import path

from campaigns.admin import views
from campaigns.admin.access import forbidden_is_403

urlpatterns = [
    path(
        "undersign/partner/",
        forbidden_is_403(views.partner_home),
        name="undersign_partner_home",
    ),
    path(
        "undersign/partner/<int:partner_id>/",
        forbidden_is_403(views.partner_signers),
        name="undersign_partner_signers",
    ),
    path(
        "undersign/partner/<int:partner_id>/export.csv",
        forbidden_is_403(views.partner_export),
        name="undersign_partner_export",
    ),
    path(
        "undersign/partner/<int:partner_id>/tokens/",
        forbidden_is_403(views.partner_tokens),
        name="undersign_partner_tokens",
    ),
    path(
        "undersign/partner/<int:partner_id>/tokens/<int:token_id>/revoke/",
        forbidden_is_403(views.partner_token_revoke),
        name="undersign_partner_token_revoke",
    ),
    path(
        "undersign/partner/<int:partner_id>/webhook/",
        forbidden_is_403(views.partner_webhook),
        name="undersign_partner_webhook",
    ),
]
