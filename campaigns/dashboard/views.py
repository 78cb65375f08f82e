"""The dashboard, its state changes and the delivery PDF: thin views over selectors.

Refusals answer 403 (see `forbidden_is_403` in the URLs).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from campaigns.admin import audit
from campaigns.authorization import (
    may_change_state,
    may_include_names,
    require_dashboard,
)
from campaigns.dashboard.chart import bar_chart
from campaigns.dashboard.forms import StateForm
from campaigns.dashboard.selectors import (
    campaign_totals,
    daily_counts,
    goal_progress,
    partner_rows,
)
from campaigns.dashboard.state import campaign_pages, campaign_state_set
from campaigns.delivery_pdf.render import INSTALL_HINT, delivery_pdf, pdf_available
from campaigns.delivery_pdf.selectors import names_promise, signer_names
from campaigns.models import Campaign, CampaignPage
from campaigns.selectors import unknown_partner_keys
from campaigns.services import campaign_identity

TEMPLATES = "undersign/admin/dashboard/"
UNKNOWN_KEYS_SHOWN = 20
State = CampaignPage.State


def _campaign(request: HttpRequest, page_id: int) -> tuple[CampaignPage, Campaign]:
    page = get_object_or_404(CampaignPage, pk=page_id)
    campaign = campaign_identity(page)
    require_dashboard(request.user, campaign)
    return page, campaign


def dashboard(request: HttpRequest, page_id: int) -> HttpResponse:
    """Counts, the chart, partners and the state buttons of one campaign."""
    page, campaign = _campaign(request, page_id)
    totals = campaign_totals(campaign)
    rows, no_partner, unknown_partner = partner_rows(campaign)
    pages = campaign_pages(campaign)
    return TemplateResponse(
        request,
        TEMPLATES + "dashboard.html",
        {
            "page_title": _("Dashboard: %(title)s") % {"title": page.title},
            "page": page,
            "campaign": campaign,
            "totals": totals,
            "goal": goal_progress(page, totals.total),
            "chart": bar_chart(daily_counts(campaign)),
            "partner_rows": rows,
            "no_partner": no_partner,
            "unknown_partner": unknown_partner,
            "unknown_keys": unknown_partner_keys(campaign)[:UNKNOWN_KEYS_SHOWN],
            "translations": pages,
            "may_change_state": may_change_state(request.user, pages),
            "states": State,
        },
    )


def change_state(request: HttpRequest, page_id: int, state: str) -> HttpResponse:
    """Confirm, then on POST give every translation `state` and its outcome note."""
    if state not in State.values:
        raise Http404
    page, campaign = _campaign(request, page_id)
    pages = campaign_pages(campaign)
    if not may_change_state(request.user, pages):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = StateForm(data, pages=pages, state=state)
    if request.method == "POST" and form.is_valid():
        campaign_state_set(
            pages=pages, state=state, notes=form.notes(), user=request.user
        )
        messages.success(
            request,
            _("The campaign is now: %(state)s.") % {"state": State(state).label},
        )
        return redirect("undersign_dashboard", page_id=page.pk)
    return TemplateResponse(
        request,
        TEMPLATES + "change_state.html",
        {
            "page_title": State(state).label,
            "page": page,
            "state": state,
            "form": form,
            "translations": pages,
        },
    )


def delivery(request: HttpRequest, page_id: int) -> HttpResponse:
    """Offer the delivery PDF; on POST make it, with names only where allowed."""
    page, campaign = _campaign(request, page_id)
    promise = names_promise(campaign_pages(campaign))
    names_allowed = may_include_names(request.user, campaign, promise)
    available = pdf_available()
    if request.method != "POST" or not available:
        if request.method == "POST":
            messages.error(request, _("The PDF cannot be made on this server."))
        return TemplateResponse(
            request,
            TEMPLATES + "delivery.html",
            {
                "page_title": _("Delivery to the target"),
                "page": page,
                "names_allowed": names_allowed,
                "promised": promise.promised,
                "pdf_available": available,
                "install_hint": INSTALL_HINT,
            },
            status=200 if available else 503,
        )
    with_names = bool(request.POST.get("include_names"))
    if with_names and not names_allowed:
        raise PermissionDenied
    names = signer_names(campaign, promise.since) if with_names else None
    pdf = delivery_pdf(page=page, campaign=campaign, names=names)
    log(
        page,
        audit.DELIVERY_PDF,
        user=request.user,
        data={"kind": "names" if with_names else "counts"},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{campaign.public_key}-petition.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response
