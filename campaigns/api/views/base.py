"""What every public API view shares: no auth, no cookies, documented error bodies.

Everything DRF would otherwise take from the host's `REST_FRAMEWORK` is set here,
so a site with its own DRF settings serves the same API and the same schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpResponseBase
from django.utils import translation
from drf_spectacular.openapi import AutoSchema
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from campaigns.api.errors import api_exception_handler
from campaigns.api.language import supported

# The plugin's own URLconf, which has no language-prefixed routes.
PLUGIN_URLCONF = "campaigns.urls"


class PublicView(APIView):
    """Anonymous and stateless: no authentication, no session, no throttled user."""

    authentication_classes: list[type] = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    # The plugin's own throttles run inside signing; a host's defaults stay out.
    throttle_classes: list[type] = []
    versioning_class = None
    schema = AutoSchema()
    # Pages on other sites may read (campaigns/api/cors.py); "" closes a view to
    # browsers, "sign" opens it to the campaign's partners' origins.
    browser_access = "read"

    def get_exception_handler(
        self,
    ) -> Callable[[Exception, dict[str, Any]], Response | None]:
        return api_exception_handler

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # `?lang=` decides the language of everything the reply says, as
        # Accept-Language does through the middleware: labels and errors too.
        # Activated, not overridden, so the reply renders in it after the view.
        language = supported(request.query_params.get("lang"))
        if language:
            translation.activate(language)
        super().initial(request, *args, **kwargs)

    def finalize_response(
        self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        if response.status_code == 404:
            # LocaleMiddleware turns a 404 into a redirect to `/<lang>/<path>` when
            # a language-prefixed route matches it, and Wagtail's catch-all page
            # route matches anything. Judged against the plugin's URLconf, an
            # unknown campaign stays a JSON 404.
            request._request.urlconf = PLUGIN_URLCONF
        return super().finalize_response(request, response, *args, **kwargs)
