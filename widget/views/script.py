"""Serving the widget's script: the current one (short cache) and pinned releases."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from widget.conf import script_path
from widget.http import not_found
from widget.releases import release_file

CURRENT_MAX_AGE = "public, max-age=300"
RELEASE_MAX_AGE = "public, max-age=31536000, immutable"


@functools.lru_cache(maxsize=8)
def _read(path: Path, mtime_ns: int) -> tuple[bytes, str]:
    # Keyed by modification time, so an edited file is read again (in
    # development) while serving it stays a memory read.
    content = path.read_bytes()
    return content, f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def _serve(request: HttpRequest, path: Path, cache_control: str) -> HttpResponseBase:
    try:
        content, etag = _read(path, path.stat().st_mtime_ns)
    except FileNotFoundError:
        raise not_found(request) from None
    full = HttpResponse(content, content_type="text/javascript; charset=utf-8")
    full["ETag"] = etag
    response = get_conditional_response(request, etag=etag, response=full) or full
    response["Cache-Control"] = cache_control
    # Subresource Integrity on another origin needs a CORS-enabled fetch.
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def current_script(request: HttpRequest) -> HttpResponseBase:
    """The script of this major version; fixes reach every pasted snippet."""
    return _serve(request, script_path(), CURRENT_MAX_AGE)


@require_safe
def release_script(request: HttpRequest, version: str) -> HttpResponseBase:
    """An immutable release copy, for snippets pinned with an integrity hash."""
    return _serve(request, release_file(version), RELEASE_MAX_AGE)
