"""Serializer fields taking JSON types as they come; a serializer copying them fast."""

from __future__ import annotations

import copy
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


class ShallowCopiedSerializer(serializers.Serializer):
    """A serializer whose per-request copy of its declared fields is cheap.

    DRF deep-copies every declared field for every instance, re-running each
    field's `__init__`: most of a signing's validation time. A declared field is
    never bound itself and nothing mutates it, so a shallow copy is as good. A
    list's or dict's child is copied the same way and bound to the copy; a nested
    serializer of this kind is made anew (its own fields are copied when used),
    and any other one is copied DRF's way.
    """

    def get_fields(self) -> dict[str, serializers.Field]:
        return {name: _copy(field) for name, field in self._declared_fields.items()}


def _copy(field: serializers.Field) -> serializers.Field:
    if isinstance(field, ShallowCopiedSerializer):
        return type(field)(*field._args, **field._kwargs)
    if isinstance(field, serializers.BaseSerializer):
        return copy.deepcopy(field)
    # What `copy.copy` does, without its generic (and slower) protocol.
    clone = object.__new__(type(field))
    clone.__dict__.update(field.__dict__)
    if isinstance(field, serializers.ListField | serializers.DictField):
        # Bound to the original by its `__init__`; all but the parent still holds.
        clone.child = _copy(field.child)
        clone.child.parent = clone
    return clone


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
