"""`undersign_worker`: one process sends deliveries and runs every periodic job, a
failing job stops no other, and the admin and `check --deploy` say when the work
is overdue.
"""

from __future__ import annotations

import io
import os
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from campaigns import periodic, worker
from campaigns.management.commands import undersign_worker as worker_command
from campaigns.models import Delivery, JobRun
from campaigns.signing import SignatureInput, signature_create
from campaigns.worker import overdue, run_periodic


@pytest.fixture
def one_failing_job(monkeypatch) -> list[str]:
    """Make the first periodic job raise; return the names of the jobs that ran."""
    ran: list[str] = []

    def broken() -> int:
        ran.append("broken")
        raise RuntimeError("the disk is full")

    def counted(name: str):
        def job() -> int:
            ran.append(name)
            return 0

        return job

    others = {name: counted(name) for name in periodic.JOBS}
    jobs = {"broken": broken, **others}
    monkeypatch.setattr(periodic, "JOBS", jobs)
    monkeypatch.setattr("campaigns.worker.JOBS", jobs)
    return ran


def _sign(page) -> None:
    data = SignatureInput(email="ana@example.org", first_name="Ana", last_name="D")
    signature_create(page=page, data=data)


def test_one_run_sends_the_thank_you_and_runs_every_job(page):
    _sign(page)
    out = io.StringIO()

    call_command("undersign_worker", "--once", stdout=out)

    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert "1 deliveries attempted" in out.getvalue()
    for name in periodic.JOBS:
        assert f"{name}: " in out.getvalue()
    assert set(JobRun.objects.values_list("name", flat=True)) == set(periodic.JOBS)
    assert overdue() == []


def test_a_failing_job_stops_no_other_and_is_recorded(db, one_failing_job):
    err = io.StringIO()

    call_command("undersign_worker", "--once", stdout=io.StringIO(), stderr=err)

    assert one_failing_job == list(periodic.JOBS)  # every job ran, in order
    assert "broken: failed (RuntimeError)" in err.getvalue()
    broken = JobRun.objects.get(name="broken")
    assert broken.last_error == "RuntimeError"
    assert broken.succeeded_at is None
    assert "the periodic job broken has never run" in overdue()


def test_a_job_runs_once_per_interval_however_many_workers_ask(db, settings):
    settings.UNDERSIGN_PERIODIC_SECONDS = 300

    first = [result.name for result in run_periodic()]
    second = [result.name for result in run_periodic()]

    assert first == list(periodic.JOBS)
    assert second == []


def test_without_a_worker_the_admin_and_the_deploy_check_warn(page, admin_client):
    _sign(page)
    Delivery.objects.update(next_attempt_at=timezone.now() - timedelta(hours=1))
    out = io.StringIO()

    home = admin_client.get("/admin/").content.decode()
    # Only the plugin's warnings are asserted: the e2e conftest, collected in every
    # run, sets DJANGO_ALLOW_ASYNC_UNSAFE, an error under --deploy.
    call_command(
        "check", "--deploy", "--database", "default", "--fail-level", "CRITICAL",
        stdout=out, stderr=out,
    )  # fmt: skip

    assert "Emails, webhooks or periodic jobs are not running" in home
    assert "1 deliveries (emails, webhooks) are overdue" in home
    assert "undersign_campaigns.W001" in out.getvalue()
    assert "the periodic job retention has never run" in out.getvalue()


def test_once_the_worker_ran_the_admin_shows_no_warning(page, admin_client):
    _sign(page)
    call_command("undersign_worker", "--once", stdout=io.StringIO())

    home = admin_client.get("/admin/").content.decode()

    assert "not running" not in home


def test_the_running_worker_yields_the_cpu_to_the_web_server(db, monkeypatch):
    lowered = []
    monkeypatch.setattr(os, "nice", lowered.append)

    def stop(seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", stop)
    with pytest.raises(KeyboardInterrupt):
        call_command("undersign_worker", stdout=io.StringIO())
    call_command("undersign_worker", "--once", stdout=io.StringIO())

    assert lowered == [10]


@pytest.mark.parametrize(
    ("pressure", "saturated"),
    [
        ("some avg10=72.10 avg60=40.00 avg300=10.00 total=1", True),
        ("some avg10=3.50 avg60=40.00 avg300=10.00 total=1", False),
    ],
)
def test_the_cpu_is_saturated_when_tasks_wait_for_it(
    tmp_path, monkeypatch, pressure, saturated
):
    path = tmp_path / "cpu"
    path.write_text(f"{pressure}\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")
    monkeypatch.setattr(worker, "PRESSURE", path)

    assert worker.cpu_saturated() is saturated


def test_without_pressure_figures_the_load_average_decides(tmp_path, monkeypatch):
    monkeypatch.setattr(worker, "PRESSURE", tmp_path / "missing")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (2.5, 1.0, 0.5))

    assert worker.cpu_saturated() is True


def test_while_the_cpu_is_saturated_emails_trickle_and_the_rest_wait(page, monkeypatch):
    for n in range(8):
        data = SignatureInput(email=f"s{n}@example.org", first_name="S", last_name="N")
        signature_create(page=page, data=data)
    monkeypatch.setattr(os, "nice", lambda n: None)
    monkeypatch.setattr(worker_command, "cpu_saturated", lambda: True)

    def stop(seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", stop)
    with pytest.raises(KeyboardInterrupt):
        call_command("undersign_worker", stdout=io.StringIO())

    assert len(mail.outbox) == worker_command.SATURATED_BATCH
    assert Delivery.objects.filter(state=Delivery.State.PENDING).count() == 3


def test_a_surge_that_starts_mid_backlog_slows_the_worker_after_one_batch(
    page, monkeypatch
):
    for n in range(20):
        data = SignatureInput(email=f"s{n}@example.org", first_name="S", last_name="N")
        signature_create(page=page, data=data)
    monkeypatch.setattr(os, "nice", lambda n: None)
    asked = iter([False])
    monkeypatch.setattr(worker_command, "cpu_saturated", lambda: next(asked, True))

    def stop(seconds):
        raise KeyboardInterrupt

    monkeypatch.setattr(time, "sleep", stop)
    with pytest.raises(KeyboardInterrupt):
        call_command("undersign_worker", "--batch", "5", stdout=io.StringIO())

    assert len(mail.outbox) == 5 + worker_command.SATURATED_BATCH
    pending = Delivery.objects.filter(state=Delivery.State.PENDING).count()
    assert pending == 20 - 5 - worker_command.SATURATED_BATCH
