"""The site's URLs plus `/bench/bare/`: the ceiling, a JSON view with no database."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def bare(request: HttpRequest) -> JsonResponse:
    """Return a small constant JSON body: all Django, no database, no cache."""
    return JsonResponse({"status": "ok"})


# The site's patterns as they are (i18n_patterns cannot be included), bare first.
urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
