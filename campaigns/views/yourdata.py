"""The "your data" pages: ask for a link, then download or erase through it.

The request page answers the same, after the same work, whether or not the address
signed anything, and whether or not the client is over its silent limit.
The link page's GET only shows buttons (mail scanners open links); each button
POSTs to its own address. Nothing here is cached.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from campaigns import yourdata
from campaigns.throttling import over_your_data_limit, request_client_key
from campaigns.views.language import language_from_query
from campaigns.views.link_forms import link_button

TEMPLATES = "undersign/yourdata/"
INVALID_TEMPLATE = "undersign/links/invalid.html"


class LinkRequestForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)


@method_decorator(never_cache, name="dispatch")
@method_decorator(language_from_query, name="dispatch")
class RequestView(View):
    """Ask for a link by email address; the reply never says whether it signed."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.page(request, LinkRequestForm())

    @method_decorator(sensitive_post_parameters())
    def post(self, request: HttpRequest) -> HttpResponse:
        form = LinkRequestForm(request.POST)
        if not form.is_valid():
            return self.page(request, form, status=400)
        # Over the limit, silently nothing: the reply is the same (docs/privacy.md).
        if not over_your_data_limit(request_client_key(request)):
            yourdata.request_data_link(email=form.cleaned_data["email"])
        return render(request, TEMPLATES + "sent.html")

    def page(
        self, request: HttpRequest, form: LinkRequestForm, status: int = 200
    ) -> HttpResponse:
        return render(
            request, TEMPLATES + "request.html", {"form": form}, status=status
        )


@method_decorator(never_cache, name="dispatch")
@method_decorator(link_button, name="dispatch")
@method_decorator(language_from_query, name="dispatch")
class TokenView(View):
    """Resolve the link's token to a blind index; a bad or old one gets a 400 page."""

    def dispatch(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        email_index = yourdata.email_index_for_token(kwargs["token"])
        if email_index is None:
            context = {"purpose": "your_data"}
            return render(request, INVALID_TEMPLATE, context, status=400)
        self.email_index = email_index
        return super().dispatch(request, *args, **kwargs)


class LinkView(TokenView):
    """Show the two buttons; change nothing."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return render(request, TEMPLATES + "link.html", {"token": token})


class DownloadView(TokenView):
    """Return everything held as a JSON file, built now and never stored."""

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        data = yourdata.export_person(email_index=self.email_index)
        body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="my-data.json"'
        return response


class EraseView(TokenView):
    """Erase the person from every campaign, then say so."""

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        yourdata.erase_person(email_index=self.email_index, by="signer")
        return render(request, TEMPLATES + "erased.html")
