"""Organizers erase a signer on request: by address, from every campaign.

Permission: `undersign_campaigns.delete_signature` (Django's default delete
permission on signatures; superusers have it). The address typed is turned into
its blind index at once and never stored, logged or shown again; the audit log
gets one entry per campaign touched, with its key and a count.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.log_actions import LogActionRegistry, log

from campaigns import crypto
from campaigns.authorization import can_erase_signers
from campaigns.models import Campaign
from campaigns.yourdata import erase_person_by_campaign

ERASE_SIGNER = "undersign.signer.erase"


class EraseForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Signer's email address"))


def _audit(request: HttpRequest, erased: dict[str, int]) -> None:
    for campaign in Campaign.objects.filter(public_key__in=erased):
        data = {
            "campaign": campaign.public_key,
            "signatures": erased[campaign.public_key],
        }
        log(campaign, ERASE_SIGNER, user=request.user, data=data)


def erase_signer(request: HttpRequest) -> HttpResponse:
    """A form for the address; a valid POST erases it everywhere and says how many."""
    if not can_erase_signers(request.user):
        raise PermissionDenied
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        index = crypto.email_index(form.cleaned_data["email"])
        erased = erase_person_by_campaign(
            email_index=index, by=f"staff:{request.user.pk}"
        )
        _audit(request, erased)
        total = sum(erased.values())
        messages.success(
            request,
            ngettext(
                "%(count)d signature was erased.",
                "%(count)d signatures were erased.",
                total,
            )
            % {"count": total},
        )
        form = EraseForm()  # the address is not echoed back into the page
    return TemplateResponse(
        request,
        "undersign/admin/erase_signer.html",
        {"page_title": _("Erase a signer"), "form": form},
    )


def register_actions(actions: LogActionRegistry) -> None:
    """Register the erasure action with Wagtail's audit log."""
    actions.register_action(
        ERASE_SIGNER,
        gettext_lazy("Erase a signer"),
        gettext_lazy("Erased a signer's signatures on request"),
    )
