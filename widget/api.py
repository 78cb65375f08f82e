"""The inline mode's fragment: the same panel, rendered for a Shadow DOM."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from campaigns.api import schema
from campaigns.api.caching import CachedReadMixin
from campaigns.api.language import requested_language
from campaigns.api.reads import public_page
from campaigns.api.views.base import PublicView
from campaigns.forms import SignForm
from widget.panel import find_partner, hosted_url, panel_context


class EmbedFragmentSerializer(serializers.Serializer):
    html = serializers.CharField(
        help_text=_("The panel's HTML; CMS HTML in it is sanitized.")
    )
    stylesheet = serializers.URLField(help_text=_("The panel's stylesheet."))
    count = serializers.IntegerField()
    goal = serializers.IntegerField()
    language = serializers.CharField(help_text=_("The language the panel is in."))
    dir = serializers.ChoiceField(choices=["ltr", "rtl"])


class EmbedFragmentView(CachedReadMixin, PublicView):
    @schema.campaign_read(
        "The widget's panel as HTML, for inline mode",
        EmbedFragmentSerializer,
        schema.partner_parameter(
            "The embedding partner's key: credits and consent box."
        ),
    )
    def get(self, request: Request, key: str) -> Response:
        """The panel the iframe shows, to render inline; signing goes to the API."""
        language = requested_language(request)
        page = public_page(key, language)
        partner_key = request.query_params.get("partner", "")
        with translation.override(language):
            form = SignForm(
                initial={"partner": partner_key},
                page=page,
                partner=find_partner(partner_key),
                # Cached for every visitor: the script fetches its own token.
                form_token=False,
            )
            context = panel_context(
                request._request,
                page,
                partner_key=partner_key,
                form=form,
                # Without the script nothing shows inline; the hosted page is
                # the form's own fallback.
                action_url=hosted_url(request._request, page, partner_key),
            )
            html = render_to_string(
                "undersign_widget/panel.html", context, request=request._request
            )
        return Response(
            EmbedFragmentSerializer(
                {
                    "html": html,
                    "stylesheet": context["stylesheet"],
                    "count": context["count"],
                    "goal": context["goal"],
                    "language": context["language"],
                    "dir": context["dir"],
                }
            ).data
        )
