"""Error bodies: `{"errors": {field: [...]}}` for bad fields, else code and detail."""

from __future__ import annotations

import logging
from typing import Any

from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


class CampaignNotFound(exceptions.NotFound):
    default_detail = _("There is no published campaign with this key.")
    default_code = "campaign_not_found"


class CampaignClosed(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "campaign_closed"


class IdempotencyKeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _("This idempotency key was already used for a different signing.")
    default_code = "idempotency_conflict"


class TryAgain(exceptions.APIException):
    """The database could not be reached or dropped the connection mid-request."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _(
        "We could not save this just now. Please send it again; it will be "
        "counted once."
    )
    default_code = "try_again"


# Seconds a client is asked to wait before sending a request again.
RETRY_AFTER = 2
logger = logging.getLogger(__name__)


class ProblemSerializer(serializers.Serializer):
    """Any error that is not about one field."""

    code = serializers.CharField(help_text=_("Stable, machine-readable."))
    detail = serializers.CharField(help_text=_("For people, in their language."))


class FieldErrorsSerializer(serializers.Serializer):
    """Bad input: messages per field, in the signer's language."""

    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_(
            "Field name (or `answers.<key>`, `non_field_errors`) to its messages."
        ),
    )


def _flat(errors: dict[Any, Any], prefix: str = "") -> dict[str, list[str]]:
    """Return nested errors as `{"source.utm_source": [...]}`, like `answers.<key>`."""
    flat: dict[str, list[str]] = {}
    for key, value in errors.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, f"{name}."))
        else:
            flat[name] = [str(message) for message in value]
    return flat


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Return DRF's error response with one of the two documented bodies."""
    if isinstance(exc, Http404):
        exc = CampaignNotFound()
    if isinstance(exc, OperationalError | InterfaceError):
        # Nothing was acknowledged: a signing sent again with the same
        # idempotency key is stored once, whether or not this one was.
        logger.error("The database failed in an API request: %s", type(exc).__name__)
        exc = TryAgain()
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        errors = detail if isinstance(detail, dict) else {"non_field_errors": detail}
        response.data = {"errors": _flat(errors)}
    else:
        response.data = {"code": exc.get_codes(), "detail": str(exc.detail)}
    if isinstance(exc, TryAgain):
        response["Retry-After"] = str(RETRY_AFTER)
    return response
