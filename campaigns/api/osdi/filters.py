"""OSDI's `filter` query, the OData subset clients send for incremental sync:
`modified_date gt '2026-01-01'`, `created_date lt '2026-01-01T12:00:00Z'`, clauses
joined by `and`. Anything else is a 400 that says what is understood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

FIELDS = ("modified_date", "created_date")
OPERATORS = {"gt": "gt", "ge": "gte", "lt": "lt", "le": "lte", "eq": "exact"}
CLAUSE = re.compile(
    r"\s*(?P<field>\w+)\s+(?P<op>gt|ge|lt|le|eq)\s+'(?P<value>[^']*)'\s*", re.I
)
AND = re.compile(r"\s+and\s+", re.I)


@dataclass(frozen=True)
class Condition:
    field: str
    lookup: str
    value: datetime


def _moment(text: str) -> datetime | None:
    moment = parse_datetime(text)
    if moment is None:
        day = parse_date(text)
        if day is None:
            return None
        moment = datetime.combine(day, time.min)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return moment


def _invalid() -> ValidationError:
    return ValidationError(
        {
            "filter": [
                _(
                    "Use modified_date or created_date with gt, ge, lt, le or eq "
                    "and a quoted ISO 8601 date or time, clauses joined by and: "
                    "modified_date gt '2026-01-01'."
                )
            ]
        }
    )


def parse_filter(text: str | None) -> list[Condition]:
    """Return the conditions of an OSDI `filter`; raise a 400 for anything else."""
    if not text or not text.strip():
        return []
    conditions = []
    for clause in AND.split(text.strip()):
        match = CLAUSE.fullmatch(clause)
        if match is None or match["field"].lower() not in FIELDS:
            raise _invalid()
        try:
            moment = _moment(match["value"])
        except ValueError:
            moment = None
        if moment is None:
            raise _invalid()
        lookup = OPERATORS[match["op"].lower()]
        conditions.append(Condition(match["field"].lower(), lookup, moment))
    return conditions


def matches(condition: Condition, value: datetime) -> bool:
    """Return `True` if `value` meets `condition` (for records filtered in Python)."""
    compare = {
        "gt": value > condition.value,
        "gte": value >= condition.value,
        "lt": value < condition.value,
        "lte": value <= condition.value,
        "exact": value == condition.value,
    }
    return compare[condition.lookup]
