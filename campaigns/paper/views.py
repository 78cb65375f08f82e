"""The paper page of a campaign: check a CSV, confirm its import, set the offset.

Who may: a user who may edit the campaign's page *and* see its signers. Importing
writes signer data and the check tells which addresses already signed, which is
seeing signers; it also changes the public count, which is editing the campaign.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.log_actions import log

from campaigns.admin import audit
from campaigns.authorization import importable_campaign
from campaigns.conf import conf
from campaigns.models import Campaign, CampaignPage
from campaigns.paper.checks import PaperReport, check_file
from campaigns.paper.forms import ConfirmForm, CountOffsetForm, UploadForm
from campaigns.paper.importer import paper_import
from campaigns.paper.reader import FileRefused, known_columns, read_file
from campaigns.paper.sealing import Sealed, seal, unseal
from campaigns.selectors import signature_count

TEMPLATE = "undersign/admin/paper/import.html"


def _campaign(request: HttpRequest, page_id: int) -> tuple[CampaignPage, Campaign]:
    page = get_object_or_404(CampaignPage, pk=page_id)
    campaign = importable_campaign(request.user, page)
    if campaign is None:
        raise PermissionDenied
    return page, campaign


def _render(
    request: HttpRequest, page: CampaignPage, campaign: Campaign, **context: Any
) -> TemplateResponse:
    context.setdefault(
        "upload", UploadForm(initial={"language": page.locale.language_code})
    )
    context.setdefault("offset", CountOffsetForm(instance=campaign))
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            "page_title": _("Paper signatures: %(title)s") % {"title": page.title},
            "campaign_page": page,
            "count": signature_count(campaign),
            "columns": known_columns(page.questions.all()),
            "max_rows": conf.PAPER_MAX_ROWS,
            **context,
        },
    )


def _preview(
    request: HttpRequest,
    page: CampaignPage,
    campaign: Campaign,
    sealed: Sealed,
    report: PaperReport,
) -> TemplateResponse:
    token = seal(sealed, user_id=str(request.user.pk), campaign_id=campaign.pk)
    confirm = ConfirmForm(initial={"sealed": token, "expected": len(report.good)})
    return _render(request, page, campaign, report=report, confirm=confirm)


def _check(
    request: HttpRequest, page: CampaignPage, campaign: Campaign
) -> HttpResponse:
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, page, campaign, upload=form)
    data = form.cleaned_data["file"].read(conf.PAPER_MAX_BYTES + 1)
    try:
        paper = read_file(page, data)
    except FileRefused as error:
        form.add_error("file", str(error))
        return _render(request, page, campaign, upload=form)
    language = form.cleaned_data["language"]
    report = check_file(page, campaign, paper, language)
    sealed = Sealed(data, form.cleaned_data["statement"], language)
    return _preview(request, page, campaign, sealed, report)


def _import(
    request: HttpRequest,
    page: CampaignPage,
    campaign: Campaign,
    sealed: Sealed,
    expected: int,
) -> HttpResponse:
    paper = read_file(page, sealed.csv)
    report = check_file(page, campaign, paper, sealed.language)
    changed = _("Something changed since the check: review the new report.")
    if len(report.good) != expected:
        messages.warning(request, changed)
        return _preview(request, page, campaign, sealed, report)
    try:
        imported = paper_import(
            campaign=campaign,
            rows=[clean for _row, clean in report.good],
            statement=sealed.statement,
            language=sealed.language,
        )
    except IntegrityError:  # one of the addresses signed since the check
        messages.warning(request, changed)
        report = check_file(page, campaign, paper, sealed.language)
        return _preview(request, page, campaign, sealed, report)
    data = {"imported": imported, "refused_rows": report.refused_rows()}
    log(campaign, audit.PAPER_IMPORTED, user=request.user, data=data)
    message = ngettext(
        "%(count)d paper signature was imported.",
        "%(count)d paper signatures were imported.",
        imported,
    )
    messages.success(request, message % {"count": imported})
    return redirect("undersign_paper", page_id=page.pk)


def _confirm(
    request: HttpRequest, page: CampaignPage, campaign: Campaign
) -> HttpResponse:
    """Import exactly the rows the preview promised, checked again now."""
    form = ConfirmForm(request.POST)
    sealed = None
    if form.is_valid():
        sealed = unseal(
            form.cleaned_data["sealed"],
            user_id=str(request.user.pk),
            campaign_id=campaign.pk,
        )
    if sealed is None:
        messages.error(request, _("The check has expired. Upload the file again."))
        return redirect("undersign_paper", page_id=page.pk)
    try:
        return _import(request, page, campaign, sealed, form.cleaned_data["expected"])
    except FileRefused as error:  # the form's fields changed since the check
        messages.error(request, str(error))
        return redirect("undersign_paper", page_id=page.pk)


def _offset(
    request: HttpRequest, page: CampaignPage, campaign: Campaign
) -> HttpResponse:
    before = campaign.count_offset
    form = CountOffsetForm(request.POST, instance=campaign)
    if not form.is_valid():
        campaign.count_offset = before
        return _render(request, page, campaign, offset=form)
    form.save()
    data = {"from": before, "to": campaign.count_offset}
    log(campaign, audit.COUNT_OFFSET_SET, user=request.user, data=data)
    messages.success(
        request, _("The number of signatures counted elsewhere was saved.")
    )
    return redirect("undersign_paper", page_id=page.pk)


ACTIONS = {"check": _check, "confirm": _confirm, "offset": _offset}


@require_http_methods(["GET", "POST"])
def paper_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """GET: the page. POST `action`: check a file, confirm an import, set the offset."""
    page, campaign = _campaign(request, page_id)
    action = ACTIONS.get(request.POST.get("action", "")) if request.POST else None
    if action is None:
        return _render(request, page, campaign)
    return action(request, page, campaign)
