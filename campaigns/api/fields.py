"""Serializer fields that take JSON types as they come."""

from __future__ import annotations

import copy
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """A string field that refuses numbers and booleans instead of converting them.

    DRF's `CharField` turns `0` into `"0"`; a client sending a number where text
    belongs has a bug it should hear about.
    """

    default_error_messages = {"invalid": _("Enter text, not a number or a list.")}

    def __init__(self, **kwargs: Any) -> None:
        # Trimming and emptiness are the signing service's decisions, not ours.
        kwargs.setdefault("trim_whitespace", False)
        kwargs.setdefault("allow_blank", True)
        super().__init__(**kwargs)

    def __deepcopy__(self, memo: dict[int, Any]) -> StrictCharField:
        # A serializer copies its declared fields for every request, and DRF's
        # copy re-runs `__init__`: most of a signing's validation time. A field
        # not yet bound to a parent holds nothing of a request, and nothing
        # mutates it, so a shallow copy of it is as good.
        if self.parent is not None:
            return super().__deepcopy__(memo)
        return copy.copy(self)

    def to_internal_value(self, data: object) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


@extend_schema_field(OpenApiTypes.EMAIL)
class StrictEmailTextField(StrictCharField):
    """A `StrictCharField` documented as an email address.

    The signing service validates the address, in the signer's language; the
    schema says what is expected so clients (and fuzzers) send one.
    """
