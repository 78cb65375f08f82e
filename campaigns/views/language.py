"""Pages outside the language-prefixed URLs speak the language `?lang=` names.

The privacy and "your data" pages live at one address for every language; a
signer arrives from a page in their language (or a link in their email) with
`?lang=`, and the switcher on those pages links to the same address with
another. Without it, the middleware's choice (Accept-Language) stands.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.utils import translation

from campaigns.api.language import supported

View = Callable[..., HttpResponseBase]


def language_from_query(view: View) -> View:
    """Activate the supported language `?lang=` names for `view` and its reply."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        language = supported(request.GET.get("lang"))
        if language:
            # Not an override: a TemplateResponse renders after the view returns.
            # LocaleMiddleware activates afresh on the next request.
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return view(request, *args, **kwargs)

    return wrapped
