"""A large export runs in the background: confirm, progress, a private file, expiry."""

from __future__ import annotations

import io
import stat
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from campaigns.exports import background, files
from campaigns.models import SignerExport
from tests.exports.helpers import start_url
from tests.partners.signers import sign_through


@pytest.fixture
def signed(page) -> None:
    for name in ("ana", "bo", "cy", "di", "ed"):
        sign_through(page, None, f"{name}@example.org")


@pytest.fixture
def small_threshold(settings):
    settings.UNDERSIGN_EXPORT_STREAM_MAX_ROWS = 2


def _status(export: SignerExport) -> str:
    return reverse("undersign_exports:status", args=[export.pk])


def _download(export: SignerExport) -> str:
    return reverse("undersign_exports:download", args=[export.pk])


def test_above_the_threshold_a_get_asks_to_confirm_and_starts_nothing(
    small_threshold, signed, campaign, client_a
):
    response = client_a.get(start_url(campaign=campaign.pk))

    assert response.status_code == 200
    assert "5 rows" in response.content.decode()
    assert not SignerExport.objects.exists()


def test_at_the_threshold_the_export_still_streams(
    settings, signed, campaign, client_a
):
    settings.UNDERSIGN_EXPORT_STREAM_MAX_ROWS = 5

    response = client_a.get(start_url(campaign=campaign.pk))

    assert response["Content-Type"].startswith("text/csv")
    assert not SignerExport.objects.exists()


def test_a_confirmed_export_is_written_through_the_task_backend(
    small_threshold, signed, campaign, client_a
):
    response = client_a.post(start_url(campaign=campaign.pk, status="confirmed"))

    export = SignerExport.objects.get()
    assert response["Location"] == _status(export)
    assert export.state == SignerExport.State.DONE
    assert export.rows_done == export.rows_total == 5
    assert export.filters == {"status": ["confirmed"]}
    assert list(export.campaigns.all()) == [campaign]
    status = client_a.get(_status(export)).content.decode()
    assert _download(export) in status
    assert 'http-equiv="refresh"' not in status


def test_the_file_is_private_and_outside_media(
    small_threshold, signed, campaign, client_a
):
    client_a.post(start_url(campaign=campaign.pk))
    export = SignerExport.objects.get()

    path = files.path_of(export.file_name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not path.is_relative_to(django_settings.MEDIA_ROOT)
    assert "example.org" not in export.file_name


def test_a_running_export_shows_its_progress_and_refreshes(
    small_threshold, campaign, client_a, django_user_model
):
    user = django_user_model.objects.get(username="alice")
    export = SignerExport.objects.create(
        requested_by=user,
        state=SignerExport.State.RUNNING,
        rows_done=1500,
        rows_total=4000,
        expires_at=timezone.now() + timedelta(hours=1),
    )
    export.campaigns.set([campaign])

    html = client_a.get(_status(export)).content.decode()

    assert 'http-equiv="refresh"' in html
    assert 'max="4000" value="1500"' in html
    assert client_a.get(_download(export), follow=True).status_code == 404


def test_progress_is_saved_every_n_rows(
    monkeypatch, small_threshold, signed, campaign, client_a
):
    monkeypatch.setattr(background, "PROGRESS_EVERY", 2)
    seen: list[int] = []
    save = background.save_progress

    def recording(export_id: int, rows_done: int) -> None:
        seen.append(SignerExport.objects.get(pk=export_id).rows_done)
        save(export_id, rows_done)
        seen.append(SignerExport.objects.get(pk=export_id).rows_done)

    monkeypatch.setattr(background, "save_progress", recording)

    client_a.post(start_url(campaign=campaign.pk))

    assert seen == [0, 2, 2, 4]
    assert SignerExport.objects.get().rows_done == 5


def test_an_expired_export_is_gone_and_cleanup_deletes_its_file(
    small_threshold, signed, campaign, client_a
):
    client_a.post(start_url(campaign=campaign.pk))
    export = SignerExport.objects.get()
    path = files.path_of(export.file_name)
    SignerExport.objects.filter(pk=export.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    assert client_a.get(_download(export)).status_code == 410
    assert "expired" in client_a.get(_status(export)).content.decode()
    assert background.exports_cleanup() == 1
    assert not path.exists()
    assert not SignerExport.objects.exists()
    assert client_a.get(_download(export), follow=True).status_code == 404


def test_cleanup_keeps_exports_that_have_not_expired(
    small_threshold, signed, campaign, client_a
):
    client_a.post(start_url(campaign=campaign.pk))
    export = SignerExport.objects.get()

    assert background.exports_cleanup() == 0
    assert files.path_of(export.file_name).exists()


def test_cleanup_removes_stray_files_older_than_the_window(db, settings):
    stray = files.path_of(files.new_name())
    with files.open_private(stray.name) as out:
        out.write("x")
    settings.UNDERSIGN_EXPORT_TTL_HOURS = -1

    background.exports_cleanup()

    assert not stray.exists()


def test_a_failed_export_records_the_error_type_and_leaves_no_file(
    monkeypatch, small_threshold, signed, campaign, client_a
):
    name = files.new_name()
    monkeypatch.setattr(files, "new_name", lambda: name)

    monkeypatch.setattr(background, "PROGRESS_EVERY", 2)

    def explode(*args, **kwargs):
        # Mid-file: two rows are written when this runs.
        assert files.path_of(name).exists()
        raise RuntimeError("ana@example.org broke it")

    monkeypatch.setattr(background, "save_progress", explode)

    client_a.post(start_url(campaign=campaign.pk))

    export = SignerExport.objects.get()
    assert export.state == SignerExport.State.FAILED
    assert export.error == "RuntimeError"
    assert export.file_name == ""
    assert not files.path_of(name).exists()
    assert "failed" in client_a.get(_status(export)).content.decode()


def test_a_file_name_that_is_not_an_export_is_refused():
    with pytest.raises(ValueError, match="not an export"):
        files.path_of("../../etc/passwd")


def test_the_periodic_command_deletes_expired_exports(
    small_threshold, signed, campaign, client_a
):
    client_a.post(start_url(campaign=campaign.pk))
    SignerExport.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    out = io.StringIO()

    call_command("undersign_worker", "--once", stdout=out)

    assert "expired_exports: 1" in out.getvalue()
    assert not SignerExport.objects.exists()
