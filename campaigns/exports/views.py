"""Admin views of signer exports: start (stream or queue), status, download.

Every export needs `view_signers` on each campaign it covers. A background file
goes to its requester only: not even a superuser may download another's, since
whoever asked is the one the audit log holds to account for it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.log_actions import log

from campaigns.admin import audit
from campaigns.authorization import campaigns_for
from campaigns.conf import conf
from campaigns.exports import files
from campaigns.exports.background import export_start
from campaigns.exports.query import (
    ExportQuery,
    InvalidFilters,
    export_query,
    export_signatures,
)
from campaigns.exports.rows import signer_rows
from campaigns.exports.safe_csv import csv_lines
from campaigns.exports.xlsx import XLSX, xlsx_workbook
from campaigns.models import Campaign, SignerExport

TEMPLATES = "undersign/admin/exports/"
CSV = "text/csv; charset=utf-8"


def _audit(
    request: HttpRequest,
    query: ExportQuery,
    campaigns: list[Campaign],
    rows: int,
    mode: str,
) -> None:
    data = {
        "campaigns": [campaign.public_key for campaign in campaigns],
        "filters": query.filter_kinds(),
        "rows": rows,
        "mode": mode,
    }
    for campaign in campaigns:
        log(campaign, audit.SIGNERS_EXPORTED, user=request.user, data=data)


def _filename(extension: str = "csv") -> str:
    return f"signers-{timezone.localdate().isoformat()}.{extension}"


def _stream(request: HttpRequest, query: ExportQuery, rows: int) -> HttpResponseBase:
    """Send the export at once: CSV streamed, or XLSX (`?format=xlsx`) whole."""
    campaigns = list(query.campaigns())
    header, lines = signer_rows(export_signatures(query), campaigns)
    if request.GET.get("format") == "xlsx":
        _audit(request, query, campaigns, rows, "xlsx")
        response: HttpResponseBase = FileResponse(
            xlsx_workbook(header, lines),
            as_attachment=True,
            filename=_filename("xlsx"),
            content_type=XLSX,
        )
    else:
        _audit(request, query, campaigns, rows, "stream")
        response = StreamingHttpResponse(csv_lines(header, lines), content_type=CSV)
        response["Content-Disposition"] = f'attachment; filename="{_filename()}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def export_start_view(request: HttpRequest) -> HttpResponseBase:
    """Stream a small export at once; for a large one, confirm, then queue it.

    The filters are the query string's, for a GET and a POST alike.
    """
    try:
        query = export_query(request.GET, request.user)
    except InvalidFilters:
        return HttpResponseBadRequest(_("Some filters are not valid."))
    rows = export_signatures(query).count()
    if rows <= conf.EXPORT_STREAM_MAX_ROWS:
        return _stream(request, query, rows)
    if request.method != "POST":
        return TemplateResponse(
            request,
            TEMPLATES + "confirm.html",
            {"page_title": _("Export signers"), "rows": rows},
        )
    export = export_start(user=request.user, query=query, rows_total=rows)
    _audit(request, query, list(query.campaigns()), rows, "background")
    return redirect("undersign_exports:status", export_id=export.pk)


def _own_export(request: HttpRequest, export_id: int) -> SignerExport:
    export = get_object_or_404(SignerExport, pk=export_id)
    if export.requested_by_id != request.user.pk:
        raise PermissionDenied
    # Losing the permission since asking also loses the file.
    if export.campaigns.exclude(pk__in=campaigns_for(request.user)).exists():
        raise PermissionDenied
    return export


def export_status_view(request: HttpRequest, export_id: int) -> HttpResponse:
    """Show an export's progress, refreshing while it runs; once ready, its link."""
    export = _own_export(request, export_id)
    return TemplateResponse(
        request,
        TEMPLATES + "status.html",
        {
            "page_title": _("Signer export"),
            "export": export,
            "running": export.state
            in (SignerExport.State.PENDING, SignerExport.State.RUNNING),
            "downloadable": export.state == SignerExport.State.DONE
            and not export.is_expired(),
        },
    )


def export_download_view(request: HttpRequest, export_id: int) -> HttpResponseBase:
    """Send the export's file to its requester; 410 once expired, 404 before ready."""
    export = _own_export(request, export_id)
    if export.state != SignerExport.State.DONE:
        raise Http404
    path = files.path_of(export.file_name)
    if export.is_expired() or not path.exists():
        return HttpResponse(_("This export has expired."), status=410)
    data = {"rows": export.rows_done, "export": export.pk}
    for campaign in export.campaigns.all():
        log(campaign, audit.EXPORT_DOWNLOADED, user=request.user, data=data)
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=_filename(),
        content_type=CSV,
    )
    response["Cache-Control"] = "private, no-store"
    return response
