"""Keep signers' data out of logs and error reports.

`RedactPersonalData` is a logging filter for handlers: it masks email addresses,
IP addresses and the secret tokens in signers' links in every message. The
exception reporter classes hide POST data, cookies, client addresses and frame
variables from the error reports Django mails to `ADMINS`, once `DEBUG` is off.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from typing import Any

from django.http import HttpRequest
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

EMAIL = re.compile(r"[\w.+%'-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# Candidates only: `ipaddress` decides, so times and version numbers survive.
IP_CANDIDATE = re.compile(r"(?<![\w.:])[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]+(?![\w.:])")
# The secret part of the links mailed to signers: confirm, withdraw, your data.
LINK_TOKEN = re.compile(r"(/(?:sign/confirm|sign/withdraw|your-data)/)[^/\s?#\"']+")
CLIENT_META = frozenset(
    {
        "REMOTE_ADDR",
        "REMOTE_HOST",
        "HTTP_X_FORWARDED_FOR",
        "HTTP_X_REAL_IP",
        "HTTP_FORWARDED",
        "HTTP_CLIENT_IP",
        "HTTP_X_CLIENT_IP",
        "HTTP_TRUE_CLIENT_IP",
        "HTTP_CF_CONNECTING_IP",
        "HTTP_FASTLY_CLIENT_IP",
        "HTTP_X_CLUSTER_CLIENT_IP",
        "HTTP_COOKIE",
        "HTTP_REFERER",
        "HTTP_USER_AGENT",
        "HTTP_AUTHORIZATION",
        "QUERY_STRING",
    }
)
EMAIL_MASK = "[email]"
IP_MASK = "[ip]"
LINK_MASK = "[token]"


def _mask_ip(match: re.Match[str]) -> str:
    candidate = match.group(0)
    trimmed = candidate.rstrip(".:")
    # As found, without trailing punctuation, or without a `:port`.
    for core in (candidate, trimmed, trimmed.rsplit(":", 1)[0]):
        try:
            ipaddress.ip_address(core)
        except ValueError:
            continue
        return IP_MASK + candidate[len(core) :]
    return candidate


def redact(text: str) -> str:
    """Return `text` with email addresses, IP addresses and link tokens masked."""
    text = EMAIL.sub(EMAIL_MASK, text)
    text = LINK_TOKEN.sub(rf"\g<1>{LINK_MASK}", text)
    return IP_CANDIDATE.sub(_mask_ip, text)


class RedactPersonalData(logging.Filter):
    """Mask personal data in a record's message and traceback; drop no record.

    Attach it to handlers: a logger's filters do not see records propagated from
    its children.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class SignerSafeExceptionReporterFilter(SafeExceptionReporterFilter):
    """Hide what could identify a signer from error reports when `DEBUG` is off.

    Every POST value, cookie and frame variable is hidden, not only those marked
    sensitive: a signer's name sits in DRF's and Django's frames as much as in
    ours. Client addresses and other identifying headers are hidden too.
    """

    def get_post_parameters(self, request: HttpRequest | None) -> Any:
        if request is None or not self.is_active(request):
            return super().get_post_parameters(request)
        cleansed = request.POST.copy()
        for key in cleansed:
            cleansed[key] = self.cleansed_substitute
        return cleansed

    def get_safe_cookies(self, request: HttpRequest) -> dict[str, Any]:
        if not self.is_active(request):
            return super().get_safe_cookies(request)
        return dict.fromkeys(getattr(request, "COOKIES", {}), self.cleansed_substitute)

    def get_safe_request_meta(self, request: HttpRequest) -> dict[str, Any]:
        meta = super().get_safe_request_meta(request)
        if not self.is_active(request):
            return meta
        return {
            key: self.cleansed_substitute
            if key in CLIENT_META
            else redact(value)
            if isinstance(value, str)
            else value
            for key, value in meta.items()
        }

    def get_traceback_frame_variables(
        self, request: HttpRequest | None, tb_frame: Any
    ) -> Any:
        variables = super().get_traceback_frame_variables(request, tb_frame)
        if not self.is_active(request):
            return variables
        return [(name, self.cleansed_substitute) for name, _value in variables]


class SignerSafeExceptionReporter(ExceptionReporter):
    """Django's reporter, with query values and the exception's text masked too.

    The filter above cannot reach these: Django shows them unfiltered.
    """

    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        if self.request is None or not self.filter.is_active(self.request):
            return data
        substitute = self.filter.cleansed_substitute
        if "request_GET_items" in data:
            data["request_GET_items"] = [(key, substitute) for key in self.request.GET]
        if "request_insecure_uri" in data:
            uri = str(data["request_insecure_uri"]).split("?", 1)[0]
            data["request_insecure_uri"] = redact(uri)
        if data.get("exception_value"):
            data["exception_value"] = redact(str(data["exception_value"]))
        data["request"] = _ReportedRequest(self.request)
        return data


class _ReportedRequest:
    """What Django's report templates read of the request, with the path's link
    tokens masked: a your-data token opens a signer's data until it expires.
    """

    def __init__(self, request: HttpRequest) -> None:
        self.path_info = redact(request.path_info)
        self.META = {"REQUEST_METHOD": request.META.get("REQUEST_METHOD", "")}
        self.GET, self.FILES = request.GET, request.FILES
        self.COOKIES = request.COOKIES
