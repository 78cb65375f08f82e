"""Audit-log actions of the admin: entries name a partner or campaign, no signer."""

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
SIGNERS_EXPORTED = "undersign.signers_exported"
EXPORT_DOWNLOADED = "undersign.signers_export_downloaded"
PAPER_IMPORTED = "undersign.paper_imported"
COUNT_OFFSET_SET = "undersign.count_offset_set"
CAMPAIGN_STATE = "undersign.campaign.state"
DELIVERY_PDF = "undersign.campaign.delivery_pdf"
SIGNERS_LISTED = "undersign.signers_listed"
SIGNER_INSPECTED = "undersign.signer_inspected"
SIGNERS_INVALIDATED = "undersign.signers_invalidated"
SIGNERS_RESTORED = "undersign.signers_restored"

ACTIONS = {
    VIEW_SIGNERS: (_("View partner signers"), _("Viewed the consenting signers")),
    EXPORT_SIGNERS: (_("Export partner signers"), _("Exported the consenting signers")),
    ISSUE_API_KEY: (_("Create partner API token"), _("Created an API token")),
    REVOKE_API_KEY: (_("Revoke partner API token"), _("Revoked an API token")),
    SET_WEBHOOK: (_("Set partner webhook URL"), _("Set the webhook URL")),
    ROTATE_SIGNING_KEY: (_("New webhook secret"), _("Generated a new webhook secret")),
    RESEND: (_("Re-send delivery"), _("Set the delivery to be sent again")),
    SIGNERS_EXPORTED: (_("Export signers"), _("Exported the campaign's signers")),
    EXPORT_DOWNLOADED: (
        _("Download signer export"),
        _("Downloaded a background export of signers"),
    ),
    PAPER_IMPORTED: (_("Import paper signatures"), _("Imported paper signatures")),
    COUNT_OFFSET_SET: (
        _("Set signatures counted elsewhere"),
        _("Changed the number of signatures counted elsewhere"),
    ),
    CAMPAIGN_STATE: (_("Change campaign state"), _("Changed the campaign's state")),
    DELIVERY_PDF: (
        _("Make delivery PDF"),
        _("Made the petition PDF for delivery to the target"),
    ),
    SIGNERS_LISTED: (_("List signers"), _("Listed the campaign's signers")),
    SIGNER_INSPECTED: (_("Inspect signer"), _("Viewed a signature's details")),
    SIGNERS_INVALIDATED: (
        _("Invalidate signatures"),
        _("Invalidated signatures matching criteria"),
    ),
    SIGNERS_RESTORED: (
        _("Restore signatures"),
        _("Restored signatures matching criteria to OK"),
    ),
}


def register_actions(actions: LogActionRegistry) -> None:
    """Register every action above with Wagtail's audit log."""
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
