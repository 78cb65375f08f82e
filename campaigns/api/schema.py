"""OpenAPI: only the public `/api/v1/` paths, and the responses every read shares."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from campaigns.api.errors import ProblemSerializer

PUBLIC_PREFIX = "/api/v1/"


def public_paths_only(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list:
    """Keep only the public API; Wagtail's admin API would otherwise join in."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_PREFIX)]


KEY = OpenApiParameter(
    "key",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The campaign's permanent public key, or its current slug.",
)
LANG = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="Language code; without it, Accept-Language decides.",
)
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="An ETag from an earlier reply; unchanged content gets 304.",
)
NOT_MODIFIED = OpenApiResponse(description="Not modified since the given ETag.")
NOT_FOUND = OpenApiResponse(
    ProblemSerializer, description="No live, published campaign has this key."
)


def partner_parameter(description: str) -> OpenApiParameter:
    return OpenApiParameter("partner", str, description=description)


def campaign_read(summary: str, serializer: type, *extra: OpenApiParameter) -> Any:
    """Return the `extend_schema` of a cached read of one campaign."""
    from drf_spectacular.utils import extend_schema

    return extend_schema(
        summary=summary,
        parameters=[KEY, LANG, *extra, IF_NONE_MATCH],
        responses={200: serializer, 304: NOT_MODIFIED, 404: NOT_FOUND},
    )
