"""OpenAPI: only the plugin's public API paths, and the responses reads share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from drf_spectacular.utils import extend_schema as spectacular_extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from campaigns.api.errors import ProblemSerializer
from campaigns.api.paths import api_root


def _documented(callback: Any) -> bool:
    view = getattr(callback, "cls", None)
    return not (
        isinstance(view, type)
        and issubclass(view, SpectacularAPIView | SpectacularSwaggerView)
    )


def public_paths_only(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list:
    """Keep only the plugin's API operations; the host's own (Wagtail's admin API)
    and the schema and docs views stay out.
    """
    root = api_root()
    return [
        endpoint
        for endpoint in endpoints
        if endpoint[0].startswith(root) and _documented(endpoint[3])
    ]


def extend_schema(**kwargs: Any) -> Callable[[Any], Any]:
    """Return drf-spectacular's `extend_schema`, built on its own `AutoSchema`
    whatever the host's `DEFAULT_SCHEMA_CLASS` is.
    """

    def decorator(method: Any) -> Any:
        # `extend_schema` bases its schema on the method's own `schema` first.
        method.schema = AutoSchema
        return spectacular_extend_schema(**kwargs)(method)

    return decorator


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
    return extend_schema(
        summary=summary,
        parameters=[KEY, LANG, *extra, IF_NONE_MATCH],
        responses={200: serializer, 304: NOT_MODIFIED, 404: NOT_FOUND},
    )
