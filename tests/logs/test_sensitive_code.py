"""Signing code marks its variables sensitive, for sites on Django's default filter."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

from tests.api.conftest import sign_url
from tests.logs.conftest import EMAIL, FIRST_NAME, SIGNER

SIGNING_FUNCTIONS = {"post", "_body", "_sign", "signature_create"}


def test_the_signing_frames_hide_their_variables_from_the_default_filter(
    page, settings, monkeypatch
):
    settings.DEBUG = False

    def fail(*args, **kwargs):
        raise RuntimeError("validation broke")

    monkeypatch.setattr("campaigns.signing.service.clean_signature", fail)
    with pytest.raises(RuntimeError) as caught:
        Client().post(
            sign_url(page.slug), json.dumps(SIGNER), content_type="application/json"
        )

    reporter = ExceptionReporter(None, caught.type, caught.value, caught.tb)
    reporter.filter = SafeExceptionReporterFilter()
    frames = [
        frame
        for frame in reporter.get_traceback_frames()
        if "/campaigns/" in frame["filename"] and frame["function"] in SIGNING_FUNCTIONS
    ]
    assert {frame["function"] for frame in frames} == {
        "post",
        "_sign",
        "signature_create",
    }
    for frame in frames:
        shown = " ".join(str(value) for _name, value in frame["vars"])
        assert EMAIL not in shown and FIRST_NAME not in shown
        assert all(
            value == reporter.filter.cleansed_substitute for _n, value in frame["vars"]
        )
