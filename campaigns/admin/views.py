"""Partner self-service: counts, consenting signers, CSV, tokens and webhook settings.

A partner user reaches only their own partner. Organizers who may change partners
see a partner's signers only from the campaigns where they may view signers, and
issue its tokens or set its webhook only with the routing permission
(`campaigns.authorization`). Each view that shows or exports signers, issues a
token or changes a webhook is audited, by action and partner only.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from campaigns.admin import audit
from campaigns.admin.export import csv_lines
from campaigns.authorization import (
    can_manage_partners,
    may_issue_partner_tokens,
    may_route_partner,
    may_view_partner_signers,
    member_partner_id,
    partner_for,
    visible_partner_signers,
)
from campaigns.models import Partner, PartnerToken
from campaigns.partners.opaque_ids import signature_id
from campaigns.partners.selectors import (
    campaign_titles,
    consenting_signatures,
    partner_campaign_counts,
)
from campaigns.partners.tokens import token_create, token_revoke
from campaigns.webhooks.signing import previous_signs_until, webhook_secret_rotate

SIGNERS_PER_PAGE = 50
TEMPLATES = "undersign/admin/"


def partner_home(request: HttpRequest) -> HttpResponse:
    """Send a partner user to their partner; list all partners for organizers."""
    own = member_partner_id(request.user)
    if own is not None:
        return redirect("undersign_partner_signers", partner_id=own)
    if not can_manage_partners(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        TEMPLATES + "partners.html",
        {"page_title": _("Partners"), "partners": Partner.objects.all()},
    )


def partner_signers(request: HttpRequest, partner_id: int) -> HttpResponse:
    """The partner's counts per campaign and a page of its consenting signers."""
    partner = partner_for(request.user, partner_id, may_view_partner_signers)
    signatures = visible_partner_signers(
        request.user, partner, consenting_signatures(partner)
    )
    page = Paginator(
        signatures.order_by("-created_at", "-id"),
        SIGNERS_PER_PAGE,
    ).get_page(request.GET.get("p"))
    titles = campaign_titles({signature.campaign_id for signature in page})
    rows = [
        {
            "identifier": signature_id(signature, partner),
            "identity": signature.identity,
            "campaign": titles.get(signature.campaign_id, ""),
            "signature": signature,
        }
        for signature in page
    ]
    log(partner, audit.VIEW_SIGNERS, user=request.user, data={"page": page.number})
    return TemplateResponse(
        request,
        TEMPLATES + "partner_signers.html",
        {
            "page_title": partner.name,
            "partner": partner,
            "counts": partner_campaign_counts(partner),
            "page": page,
            "rows": rows,
            "may_issue_tokens": may_issue_partner_tokens(request.user, partner),
            "may_route": may_route_partner(request.user, partner),
        },
    )


def partner_export(request: HttpRequest, partner_id: int) -> StreamingHttpResponse:
    """Stream the partner's consenting signers as CSV."""
    partner = partner_for(request.user, partner_id, may_view_partner_signers)
    signatures = visible_partner_signers(
        request.user, partner, consenting_signatures(partner)
    )
    log(partner, audit.EXPORT_SIGNERS, user=request.user)
    response = StreamingHttpResponse(csv_lines(signatures), content_type="text/csv")
    response["Content-Disposition"] = (
        f'attachment; filename="{partner.slug}-signers.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


class TokenForm(forms.Form):
    label = forms.CharField(label=gettext_lazy("Label"), max_length=100, required=False)


def partner_tokens(request: HttpRequest, partner_id: int) -> HttpResponse:
    """List the partner's API tokens; a POST creates one, shown this once."""
    partner = partner_for(request.user, partner_id, may_issue_partner_tokens)
    form = TokenForm(request.POST or None)
    plaintext = ""
    if request.method == "POST" and form.is_valid():
        token, plaintext = token_create(
            partner=partner, label=form.cleaned_data["label"]
        )
        log(
            partner,
            audit.ISSUE_API_KEY,
            user=request.user,
            data={"prefix": token.prefix},
        )
        form = TokenForm()
    return TemplateResponse(
        request,
        TEMPLATES + "partner_tokens.html",
        {
            "page_title": _("API tokens: %(partner)s") % {"partner": partner.name},
            "partner": partner,
            "tokens": partner.tokens.order_by("-created_at"),
            "form": form,
            "plaintext": plaintext,
        },
    )


@require_POST
def partner_token_revoke(
    request: HttpRequest, partner_id: int, token_id: int
) -> HttpResponse:
    """Revoke one of the partner's tokens; it stops working at once."""
    partner = partner_for(request.user, partner_id, may_issue_partner_tokens)
    token = get_object_or_404(PartnerToken, pk=token_id, partner=partner)
    token_revoke(token)
    log(partner, audit.REVOKE_API_KEY, user=request.user, data={"prefix": token.prefix})
    messages.success(request, _("The token was revoked."))
    return redirect("undersign_partner_tokens", partner_id=partner.pk)


class WebhookForm(forms.Form):
    webhook_url = forms.URLField(
        label=gettext_lazy("Webhook URL"), required=False, assume_scheme="https"
    )


def partner_webhook(request: HttpRequest, partner_id: int) -> HttpResponse:
    """Organizers set a partner's webhook URL and generate its secret, shown once."""
    partner = partner_for(request.user, partner_id, may_route_partner)
    initial = {"webhook_url": partner.webhook_url}
    form = WebhookForm(request.POST or None, initial=initial)
    secret = ""
    if request.method == "POST" and "rotate" in request.POST:
        secret = webhook_secret_rotate(partner)
        log(partner, audit.ROTATE_SIGNING_KEY, user=request.user)
        form = WebhookForm(initial=initial)
    elif request.method == "POST" and form.is_valid():
        partner.webhook_url = form.cleaned_data["webhook_url"]
        partner.save(update_fields=["webhook_url"])
        log(partner, audit.SET_WEBHOOK, user=request.user)
        messages.success(request, _("The webhook URL was saved."))
        return redirect("undersign_partner_webhook", partner_id=partner.pk)
    return TemplateResponse(
        request,
        TEMPLATES + "partner_webhook.html",
        {
            "page_title": _("Webhook: %(partner)s") % {"partner": partner.name},
            "partner": partner,
            "form": form,
            "secret": secret,
            "old_secret_until": previous_signs_until(partner) if secret else None,
            "has_secret": bool(partner.webhook_secret),
        },
    )
