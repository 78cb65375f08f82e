"""The log filter masks emails, IP addresses and link tokens, and nothing else."""

from __future__ import annotations

import logging
import sys

import pytest
from django.conf import settings

from campaigns.redaction import RedactPersonalData, redact


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("sent to ana.diaz+nyc@example.org", "sent to [email]"),
        ("?email=ana%40example.org&x=1", "?email=[email]&x=1"),
        ("from 203.0.113.77.", "from [ip]."),
        ("for=203.0.113.77, 198.51.100.23", "for=[ip], [ip]"),
        ("peer 203.0.113.77:51234", "peer [ip]:51234"),
        ("v6 2001:db8::77 and ::1", "v6 [ip] and [ip]"),
        ("GET /sign/confirm/AbC.d-e_f/ 200", "GET /sign/confirm/[token]/ 200"),
        ("/your-data/tok.en/download/", "/your-data/[token]/download/"),
    ],
)
def test_personal_data_is_masked(text, masked):
    assert redact(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "at 13:14:42 on 2026-11-28",
        "schemathesis 4.32.5, ratio 1.5",
        "delivery 12 (email_thanks) attempt 3 failed: ValueError",
        "999.1.1.1 is no address",
        "GET /your-data/ 200",
        "",
    ],
)
def test_other_text_is_left_alone(text):
    assert redact(text) == text


def record(message: str, *args: object, exc_info=None) -> logging.LogRecord:
    return logging.LogRecord("t", logging.ERROR, __file__, 1, message, args, exc_info)


def test_the_filter_masks_formatted_messages_and_keeps_the_record():
    entry = record("sent %s to %s", "email_thanks", "ana@example.org")

    assert RedactPersonalData().filter(entry) is True
    assert entry.getMessage() == "sent email_thanks to [email]"


def test_the_filter_keeps_percent_signs_of_masked_messages_literal():
    entry = record("100%% of %s", "ana@example.org")

    RedactPersonalData().filter(entry)

    assert entry.getMessage() == "100% of [email]"


def test_the_filter_masks_tracebacks():
    try:
        raise ValueError("no mailbox ana@example.org at 203.0.113.77")
    except ValueError:
        entry = record("failed", exc_info=sys.exc_info())

    RedactPersonalData().filter(entry)

    assert "ValueError: no mailbox [email] at [ip]" in entry.exc_text
    assert "ana@example.org" not in logging.Formatter().format(entry)


def test_every_configured_handler_carries_the_filter():
    handlers = settings.LOGGING["handlers"]

    assert all("personal_data" in handler["filters"] for handler in handlers.values())
    assert settings.LOGGING["filters"]["personal_data"]["()"] == (
        "campaigns.redaction.RedactPersonalData"
    )


def test_djangos_loggers_print_only_through_the_filtered_handlers():
    for name in ("django", "django.server", "django.request"):
        logger = logging.getLogger(name)
        for handler in logger.handlers:
            assert any(isinstance(f, RedactPersonalData) for f in handler.filters)
    root = logging.getLogger()
    assert any(
        isinstance(f, RedactPersonalData) for h in root.handlers for f in h.filters
    )
