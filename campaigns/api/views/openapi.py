"""The API's OpenAPI schema and its docs page, independent of the host's settings.

A host site keeps its own `REST_FRAMEWORK` and `SPECTACULAR_SETTINGS` (or none);
these views carry the plugin's schema class, generator settings and the docs
page's assets (drf-spectacular-sidecar, never a CDN) themselves. drf-spectacular
need not be an installed app: its docs template is read from the package here,
and its deploy check, which would generate a schema of the host's whole URLconf
under the host's settings, stays out of the host's `check --deploy`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import drf_spectacular
from django.http import HttpResponseBase
from django.template.backends.django import DjangoTemplates
from drf_spectacular.settings import patched_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.permissions import AllowAny
from rest_framework.renderers import TemplateHTMLRenderer
from rest_framework.request import Request

SCHEMA_SETTINGS: dict[str, Any] = {
    "TITLE": "Undersign API",
    "DESCRIPTION": "Public campaign, signing and statistics endpoints.",
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": None,
    "COMPONENT_SPLIT_REQUEST": False,
    "PREPROCESSING_HOOKS": ["campaigns.api.schema.public_paths_only"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}


class SchemaView(SpectacularAPIView):
    """The OpenAPI document of the public API (YAML, or JSON by `?format=json`)."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    serve_public = True
    custom_settings = SCHEMA_SETTINGS

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return super().get(request, *args, **kwargs)


_SPECTACULAR_TEMPLATES = DjangoTemplates(
    {
        "NAME": "undersign-api-docs",
        "DIRS": [Path(drf_spectacular.__file__).parent / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {},
    }
)


class SpectacularTemplateRenderer(TemplateHTMLRenderer):
    """Render drf-spectacular's own templates, installed app or not."""

    def resolve_template(self, template_names: list[str]) -> Any:
        (name,) = template_names  # DocsView names exactly one
        return _SPECTACULAR_TEMPLATES.get_template(name)


class DocsView(SpectacularSwaggerView):
    """Swagger UI over `SchemaView`, its assets served from this site."""

    renderer_classes = [SpectacularTemplateRenderer]
    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    url_name = "undersign_api:schema"
    title = SCHEMA_SETTINGS["TITLE"]

    def get(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        with patched_settings(SCHEMA_SETTINGS):
            return super().get(request, *args, **kwargs)
