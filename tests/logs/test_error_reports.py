"""A server error: the log, the mail to ADMINS and Django's report hide the signer."""

from __future__ import annotations

import json
import logging
import secrets
import sys

import pytest
from django.test import Client, RequestFactory
from django.views.debug import (
    get_exception_reporter_class,
    get_exception_reporter_filter,
)

from campaigns.redaction import (
    SignerSafeExceptionReporter,
    SignerSafeExceptionReporterFilter,
)
from tests.api.conftest import sign_url
from tests.logs.conftest import CLIENT_META, EMAIL, SIGNER, leaks, logged_text

SUBSTITUTE = SignerSafeExceptionReporterFilter.cleansed_substitute


@pytest.fixture
def admins(settings) -> None:
    settings.DEBUG = False
    settings.ADMINS = [("Operations", "ops@undersign.test")]


@pytest.fixture
def broken_signing(monkeypatch) -> None:
    """Signing fails after validation, with the signer's data in its frames."""

    def fail(*, page, data, **kwargs):
        raise RuntimeError(f"could not store the signing of {data.email}")

    monkeypatch.setattr("campaigns.api.views.signing.signature_create", fail)


def test_a_500_reports_no_email_name_or_address(
    page, admins, broken_signing, every_log, mailoutbox
):
    client = Client(raise_request_exception=False)
    client.cookies["note"] = EMAIL

    response = client.post(
        f"{sign_url(page.slug)}?email={EMAIL}",
        data=json.dumps(SIGNER),
        content_type="application/json",
        **CLIENT_META,
    )

    assert response.status_code == 500
    [record] = [r for r in every_log.records if r.levelno >= logging.ERROR]
    reporter = get_exception_reporter_class(record.request)(
        record.request, *record.exc_info
    )
    text, html = reporter.get_traceback_text(), reporter.get_traceback_html()
    [mailed] = mailoutbox
    assert "RuntimeError" in text and "RuntimeError" in mailed.body
    assert "could not store the signing of [email]" in text
    assert leaks(logged_text(every_log)) == []
    assert leaks(mailed.subject) == leaks(mailed.body) == []
    assert leaks(text) == leaks(html) == []


def test_the_site_reports_errors_through_the_signer_safe_classes(rf):
    request = rf.get("/")

    assert isinstance(
        get_exception_reporter_filter(request), SignerSafeExceptionReporterFilter
    )
    assert get_exception_reporter_class(request) is SignerSafeExceptionReporter


def report_of(request, **local_variables: object) -> str:
    """Return the text report of an error raised with `local_variables` in scope."""
    try:
        signer = local_variables  # noqa: F841 - a frame variable the report must hide
        raise ValueError("boom")
    except ValueError:
        return SignerSafeExceptionReporter(
            request, *sys.exc_info()
        ).get_traceback_text()


def test_form_posts_cookies_client_headers_and_frames_are_hidden(settings):
    settings.DEBUG = False
    request = RequestFactory().post(f"/en/?email={EMAIL}", SIGNER, **CLIENT_META)
    request.COOKIES["sessionid"] = "a-session"
    request.COOKIES["note"] = EMAIL

    report = report_of(request, **SIGNER)

    assert "ValueError" in report
    assert f"first_name = '{SUBSTITUTE}'" in report
    assert f"REMOTE_ADDR = '{SUBSTITUTE}'" in report
    assert f"HTTP_X_FORWARDED_FOR = '{SUBSTITUTE}'" in report
    assert leaks(report) == []
    assert "a-session" not in report


def test_with_debug_on_the_report_shows_everything(settings):
    settings.DEBUG = True
    request = RequestFactory().post("/en/", SIGNER, **CLIENT_META)

    report = report_of(request, **SIGNER)

    assert EMAIL in report


def test_a_link_token_in_the_path_is_masked_in_the_report(settings):
    settings.DEBUG = False
    secret_link = secrets.token_hex(16)
    request = RequestFactory().get(f"/your-data/{secret_link}/")
    try:
        raise ValueError("boom")
    except ValueError:
        reporter = SignerSafeExceptionReporter(request, *sys.exc_info())
    text, html = reporter.get_traceback_text(), reporter.get_traceback_html()

    assert "/your-data/[token]/" in text
    assert secret_link not in text
    assert secret_link not in html
