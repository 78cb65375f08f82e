"""The privacy page every sign form links to: our promises in plain words."""

from __future__ import annotations

from typing import Any

from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from campaigns.conf import conf
from campaigns.views.language import language_from_query


@method_decorator(language_from_query, name="dispatch")
class PrivacyView(TemplateView):
    """Render the promises; `docs/privacy.md` names the test keeping each."""

    template_name = "undersign/privacy.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["client_key_days"] = conf.CLIENT_KEY_DAYS
        return context
