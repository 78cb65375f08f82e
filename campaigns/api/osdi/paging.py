"""OSDI paging: `?page=` and `?per_page=` in, `page`, `per_page`, `total_pages`,
`total_records` and `_links.next` out; a page past the end is empty, not an error
(clients such as Parsons read pages until one comes back empty).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param, replace_query_param

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100


def _positive(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ValidationError({name: [_("A whole number of 1 or more.")]})
    return int(raw)


@dataclass(frozen=True)
class Page:
    number: int
    per_page: int

    @classmethod
    def asked(cls, request: Request) -> Page:
        """Return the page asked for; bad numbers are a 400, too many per page is
        capped at `MAX_PER_PAGE`."""
        per_page = min(_positive(request, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE)
        return cls(number=_positive(request, "page", 1), per_page=per_page)

    @property
    def start(self) -> int:
        return (self.number - 1) * self.per_page

    @property
    def stop(self) -> int:
        return self.start + self.per_page


def collection(
    request: Request,
    page: Page,
    *,
    name: str,
    records: list[dict[str, Any]],
    total: int,
) -> dict[str, Any]:
    """Return one page of the collection `osdi:<name>`, as HAL with OSDI paging."""
    url = remove_query_param(request.build_absolute_uri(), "page")
    total_pages = math.ceil(total / page.per_page)
    links: dict[str, Any] = {"self": {"href": request.build_absolute_uri()}}
    if page.number < total_pages:
        links["next"] = {"href": replace_query_param(url, "page", page.number + 1)}
    if 1 < page.number <= total_pages + 1:
        links["previous"] = {"href": replace_query_param(url, "page", page.number - 1)}
    links[f"osdi:{name}"] = [
        record["_links"]["self"] for record in records if "_links" in record
    ]
    return {
        "total_pages": total_pages,
        "per_page": page.per_page,
        "page": page.number,
        "total_records": total,
        "_links": links,
        "_embedded": {f"osdi:{name}": records},
    }
