"""Audit-log actions of the partner admin; entries name the partner, never a signer."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogActionRegistry

VIEW_SIGNERS = "undersign.partner.view_signers"
EXPORT_SIGNERS = "undersign.partner.export_signers"
ISSUE_API_KEY = "undersign.partner.create_token"
REVOKE_API_KEY = "undersign.partner.revoke_token"
SET_WEBHOOK = "undersign.partner.set_webhook"
ROTATE_SIGNING_KEY = "undersign.partner.rotate_webhook_secret"
RESEND = "undersign.delivery.resend"

ACTIONS = {
    VIEW_SIGNERS: (_("View partner signers"), _("Viewed the consenting signers")),
    EXPORT_SIGNERS: (_("Export partner signers"), _("Exported the consenting signers")),
    ISSUE_API_KEY: (_("Create partner API token"), _("Created an API token")),
    REVOKE_API_KEY: (_("Revoke partner API token"), _("Revoked an API token")),
    SET_WEBHOOK: (_("Set partner webhook URL"), _("Set the webhook URL")),
    ROTATE_SIGNING_KEY: (_("New webhook secret"), _("Generated a new webhook secret")),
    RESEND: (_("Re-send delivery"), _("Set the delivery to be sent again")),
}


def register_actions(actions: LogActionRegistry) -> None:
    """Register every action above with Wagtail's audit log."""
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
