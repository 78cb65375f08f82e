"""Bulk moderation: invalidate (or restore) a campaign's signatures by criteria.

Needs the `moderate_signers` page permission on the campaign. A moderator previews
how many signatures match, then confirms; the change is one UPDATE. Invalidated
signatures leave the public count within `UNDERSIGN_COUNT_STALENESS` seconds.

The audit entry, on the campaign, holds the kinds of criteria used and the rows
changed, plus only the values that describe no person: partner, moderation reason
and time range. An email domain may be someone's own, a postal code may narrow to
a household, and a client-key hash links a device for a week: their values stay
out of the log.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, cast

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.log_actions import log

from campaigns.admin import audit
from campaigns.admin.signer_filters import CampaignChoiceField
from campaigns.authorization import (
    MODERATE_SIGNERS,
    asked_campaign_ids,
    campaigns_for,
)
from campaigns.deliveries.outbox import EMAIL_CONFIRM, EMAIL_THANKS, queue_signed
from campaigns.models import Campaign, Partner, Signature
from campaigns.selectors import campaign_page_for_key
from campaigns.signing.inputs import SOURCE_KEYS

INVALIDATE = "invalidate"
RESTORE = "restore"
ACTION_LOG = {INVALIDATE: audit.SIGNERS_INVALIDATED, RESTORE: audit.SIGNERS_RESTORED}
SOURCE_FIELDS = sorted(SOURCE_KEYS | {"referrer"})


@dataclass(frozen=True)
class Criteria:
    """Which of a campaign's signatures a moderation action applies to."""

    campaign: Campaign
    email_domain: str = ""
    postal_code: str = ""
    created_from: datetime | None = None
    created_to: datetime | None = None
    partner: Partner | None = None
    source: str = ""
    client_key: str = ""
    reason: str = ""

    def kinds(self) -> list[str]:
        """Return the names of the criteria set, campaign aside."""
        return [
            f.name
            for f in fields(self)
            if f.name != "campaign" and getattr(self, f.name) not in (None, "")
        ]

    def loggable(self) -> dict[str, str]:
        """Return the criteria values that identify no person (see module doc)."""
        values = {
            "partner": self.partner.slug if self.partner else "",
            "reason": self.reason,
            "created_from": self.created_from.isoformat() if self.created_from else "",
            "created_to": self.created_to.isoformat() if self.created_to else "",
        }
        return {key: value for key, value in values.items() if value}


def matching_signatures(criteria: Criteria, action: str) -> QuerySet[Signature]:
    """Return the signatures `action` would change under `criteria`."""
    rows = Signature.objects.filter(campaign=criteria.campaign)
    if action == INVALIDATE:
        rows = rows.exclude(moderation=Signature.Moderation.INVALIDATED)
    else:
        rows = rows.exclude(moderation=Signature.Moderation.OK)
    if criteria.email_domain:
        rows = rows.filter(email_domain__iexact=criteria.email_domain)
    if criteria.postal_code:
        rows = rows.filter(postal_code__iexact=criteria.postal_code)
    if criteria.created_from:
        rows = rows.filter(created_at__gte=criteria.created_from)
    if criteria.created_to:
        rows = rows.filter(created_at__lte=criteria.created_to)
    if criteria.partner:
        rows = rows.filter(partner=criteria.partner)
    if criteria.source:
        by_source = Q(partner_key=criteria.source)
        for key in SOURCE_FIELDS:
            by_source |= Q(**{f"source__{key}": criteria.source})
        rows = rows.filter(by_source)
    if criteria.client_key:
        rows = rows.filter(client_key=criteria.client_key)
    if criteria.reason:
        rows = rows.filter(moderation_reason=criteria.reason)
    return rows


def release_held_deliveries(campaign: Campaign, rows: QuerySet[Signature]) -> None:
    """Queue what a flagged signing held back, now that a moderator vouched for it.

    A flagged signing mails no one and reaches no partner; a signature that never
    had its first email queued gets it now, with its webhooks if they are due.
    """
    page = campaign_page_for_key(campaign.public_key)
    if page is None:
        return
    held = rows.exclude(deliveries__kind__in=(EMAIL_THANKS, EMAIL_CONFIRM))
    for signature in held.iterator():
        queue_signed(signature, page)


def moderate(criteria: Criteria, action: str, *, user: Any) -> int:
    """Invalidate or restore the matching signatures in one UPDATE; audit; count."""
    if action == INVALIDATE:
        changes = {
            "moderation": Signature.Moderation.INVALIDATED,
            "moderation_reason": Signature.Reason.MODERATOR,
        }
    else:
        changes = {
            "moderation": Signature.Moderation.OK,
            "moderation_reason": Signature.Reason.NONE,
        }
    with transaction.atomic():
        rows = matching_signatures(criteria, action)
        if action == RESTORE:
            # Before the UPDATE, while the rows still match; sent after commit.
            release_held_deliveries(criteria.campaign, rows)
        changed = rows.update(**changes)
    data = {
        "campaign": criteria.campaign.public_key,
        "criteria": criteria.kinds(),
        "rows": changed,
        **criteria.loggable(),
    }
    log(criteria.campaign, ACTION_LOG[action], user=user, data=data)
    return changed


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Action"),
        choices=[
            (INVALIDATE, gettext_lazy("Invalidate: the signatures stop counting")),
            (RESTORE, gettext_lazy("Restore flagged or invalidated ones to OK")),
        ],
        initial=INVALIDATE,
        widget=forms.RadioSelect,
    )
    campaign = CampaignChoiceField(
        label=gettext_lazy("Campaign"), queryset=Campaign.objects.none()
    )
    email_domain = forms.CharField(
        label=gettext_lazy("Email domain"), max_length=254, required=False
    )
    postal_code = forms.CharField(
        label=gettext_lazy("Postal code"), max_length=20, required=False
    )
    created_from = forms.DateTimeField(
        label=gettext_lazy("Signed from"), required=False, widget=AdminDateTimeInput
    )
    created_to = forms.DateTimeField(
        label=gettext_lazy("Signed until"), required=False, widget=AdminDateTimeInput
    )
    partner = forms.ModelChoiceField(
        label=gettext_lazy("Partner"), queryset=Partner.objects.all(), required=False
    )
    source = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Matches the partner key the signing arrived with, or a utm_… or "
            "referrer value, exactly."
        ),
    )
    client_key = forms.RegexField(
        label=gettext_lazy("Client key"),
        regex=r"^[0-9a-f]{64}$",
        required=False,
        help_text=gettext_lazy("The 64-character hash, exactly."),
    )
    reason = forms.ChoiceField(
        label=gettext_lazy("Moderation reason"),
        choices=[("", gettext_lazy("Any"))]
        + [choice for choice in Signature.Reason.choices if choice[0]],
        required=False,
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        campaign_field = cast(CampaignChoiceField, self.fields["campaign"])
        campaign_field.queryset = campaigns_for(user, MODERATE_SIGNERS).order_by(
            "public_key"
        )

    def clean_email_domain(self) -> str:
        return str(self.cleaned_data["email_domain"]).strip().lstrip("@").lower()

    def clean_postal_code(self) -> str:
        return str(self.cleaned_data["postal_code"]).strip().upper()

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        start, end = data.get("created_from"), data.get("created_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The time range ends before it starts."))
        # Judged only on a form whose fields are valid: a criterion that failed
        # its own check is missing here but was meant.
        if not self.errors and "campaign" in data and not self.criteria().kinds():
            raise forms.ValidationError(
                _("Choose at least one criterion besides the campaign.")
            )
        return data

    def criteria(self) -> Criteria:
        """Return the criteria of a cleaned form."""
        data = {f.name: self.cleaned_data.get(f.name) for f in fields(Criteria)}
        return Criteria(**{key: value for key, value in data.items() if value})


def preview_token(criteria: Criteria, action: str) -> str:
    """Return a token binding a confirmation to the criteria that were previewed."""
    return salted_hmac("undersign.moderation", repr((criteria, action))).hexdigest()


def moderate_signatures(request: HttpRequest) -> HttpResponse:
    """Preview how many signatures match, then change them on confirmation."""
    if not campaigns_for(request.user, MODERATE_SIGNERS).exists():
        raise PermissionDenied
    # Naming a campaign one may not moderate is refused outright, as in the listing.
    wanted = request.POST.get("campaign", "")
    asked_campaign_ids(request.user, MODERATE_SIGNERS, [wanted])
    form = ModerationForm(request.POST or None, user=request.user)
    context: dict[str, Any] = {"page_title": _("Moderate signatures"), "form": form}
    if request.method == "POST" and form.is_valid():
        criteria, action = form.criteria(), form.cleaned_data["action"]
        token = preview_token(criteria, action)
        if request.POST.get("confirm"):
            if constant_time_compare(request.POST.get("token", ""), token):
                changed = moderate(criteria, action, user=request.user)
                messages.success(request, _changed_message(action, changed))
                return redirect("undersign_signatures:moderate")
            messages.warning(
                request,
                _("The criteria changed since the preview: check the count again."),
            )
        context["matches"] = matching_signatures(criteria, action).count()
        context["token"] = token
    return TemplateResponse(request, "undersign/admin/signers/moderate.html", context)


def _changed_message(action: str, changed: int) -> str:
    if action == INVALIDATE:
        text = ngettext(
            "%(count)d signature was invalidated and no longer counts.",
            "%(count)d signatures were invalidated and no longer count.",
            changed,
        )
    else:
        text = ngettext(
            "%(count)d signature was restored to OK.",
            "%(count)d signatures were restored to OK.",
            changed,
        )
    return text % {"count": changed}
