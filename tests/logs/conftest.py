"""Capture every log record at DEBUG, and a signer whose data must never appear."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from django.db import connection

EMAIL = "zorabel.quintanilla@example.org"
FIRST_NAME = "Zorabel"
LAST_NAME = "Quintanilla"
# Documentation ranges (RFC 5737, RFC 3849): distinctive, and never a real client.
CLIENT_IP = "203.0.113.77"
PROXY_IP = "198.51.100.23"
CLIENT_IPV6 = "2001:db8::77"
CLIENT_META = {
    "REMOTE_ADDR": PROXY_IP,
    "HTTP_X_FORWARDED_FOR": f"{CLIENT_IP}, {CLIENT_IPV6}",
    "HTTP_X_REAL_IP": CLIENT_IP,
}
SIGNER = {"email": EMAIL, "first_name": FIRST_NAME, "last_name": LAST_NAME}
SECRETS = (
    EMAIL,
    EMAIL.split("@")[0],
    EMAIL.replace("@", "%40"),
    FIRST_NAME,
    LAST_NAME,
    CLIENT_IP,
    PROXY_IP,
    CLIENT_IPV6,
)


def leaks(text: str) -> list[str]:
    """Return the signer's data and client addresses found in `text`."""
    lowered = text.lower()
    return [secret for secret in SECRETS if secret.lower() in lowered]


@pytest.fixture
def every_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """`caplog` at DEBUG for every logger, SQL and non-propagating loggers included."""
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    isolated = [logger for logger in loggers if not logger.propagate]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
    for logger in isolated:
        logger.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    # SQL is logged only under DEBUG or a forced debug cursor.
    debug_cursor = connection.force_debug_cursor
    connection.force_debug_cursor = True
    try:
        yield caplog
    finally:
        connection.force_debug_cursor = debug_cursor
        for logger in isolated:
            logger.removeHandler(caplog.handler)
        for logger, level, disabled in saved:
            logger.setLevel(level)
            logger.disabled = disabled


def logged_text(caplog: pytest.LogCaptureFixture) -> str:
    """Return every captured record as a formatter prints it, tracebacks too."""
    formatter = logging.Formatter("%(levelname)s %(name)s %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)
