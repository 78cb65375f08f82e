"""The privacy page every sign form links to: our promises in plain words."""

from __future__ import annotations

from django.views.generic import TemplateView


class PrivacyView(TemplateView):
    """Render the promises; `docs/privacy.md` names the test keeping each."""

    template_name = "undersign/privacy.html"
