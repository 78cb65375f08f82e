"""Large exports: a task writes the CSV to a private file, reporting progress;
expired files and their rows are deleted by a periodic job."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.utils import timezone

from campaigns.conf import conf
from campaigns.exports import files
from campaigns.exports.query import ExportQuery, export_signatures
from campaigns.exports.rows import signer_rows
from campaigns.exports.safe_csv import csv_lines
from campaigns.models import SignerExport

try:  # Django 6 ships the tasks API; on 5.2 Wagtail brings its backport.
    from django.tasks import task
except ImportError:
    from django_tasks import task

logger = logging.getLogger(__name__)
# How often, in rows, the status page's progress moves.
PROGRESS_EVERY = 500


def export_start(*, user: Any, query: ExportQuery, rows_total: int) -> SignerExport:
    """Record an export for `user` and queue its writing; return the record."""
    export = SignerExport.objects.create(
        requested_by=user,
        filters=query.filters,
        rows_total=rows_total,
        expires_at=timezone.now() + timedelta(hours=conf.EXPORT_TTL_HOURS),
    )
    export.campaigns.set(query.campaign_ids)
    write_export.enqueue(export.pk)
    return export


def _write_lines(export: SignerExport, name: str) -> int:
    query = ExportQuery(
        campaign_ids=tuple(export.campaigns.values_list("pk", flat=True)),
        filters=export.filters,
    )
    header, rows = signer_rows(export_signatures(query), query.campaigns())
    done = 0
    with files.open_private(name) as out:
        for done, line in enumerate(csv_lines(header, rows)):
            out.write(line)
            if done and done % PROGRESS_EVERY == 0:
                save_progress(export.pk, done)
    return done


def save_progress(export_id: int, rows_done: int) -> None:
    """Record how many rows are written, for the status page to show."""
    SignerExport.objects.filter(pk=export_id).update(rows_done=rows_done)


def export_write(export_id: int) -> None:
    """Write export `export_id`'s file; on failure record why (never a value)."""
    export = SignerExport.objects.filter(
        pk=export_id, state=SignerExport.State.PENDING
    ).first()
    if export is None:  # already written, or deleted meanwhile
        return
    export.state = SignerExport.State.RUNNING
    export.save(update_fields=["state"])
    name = files.new_name()
    try:
        done = _write_lines(export, name)
    except Exception as error:
        files.remove(name)
        # The type only: a message may quote a value from a row.
        export.error = type(error).__name__
        export.state = SignerExport.State.FAILED
        export.finished_at = timezone.now()
        export.save(update_fields=["error", "state", "finished_at"])
        logger.error("Signer export %s failed: %s", export.pk, export.error)
        return
    export.file_name = name
    export.rows_done = export.rows_total = done
    export.state = SignerExport.State.DONE
    export.finished_at = timezone.now()
    export.save(
        update_fields=["file_name", "rows_done", "rows_total", "state", "finished_at"]
    )


@task()
def write_export(export_id: int) -> None:
    """The queued task: carries the export's id, never what it exports."""
    export_write(export_id)


def exports_cleanup() -> int:
    """Delete expired exports and their files; return how many exports."""
    expired = SignerExport.objects.filter(expires_at__lte=timezone.now())
    for name in expired.exclude(file_name="").values_list("file_name", flat=True):
        files.remove(name)
    count = expired.count()
    expired.delete()
    files.remove_older_than(conf.EXPORT_TTL_HOURS * 3600)
    return count
