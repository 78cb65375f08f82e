"""Template helpers for the privacy statement every sign form shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from campaigns.models import CampaignPage
from campaigns.privacy import names_promise, privacy_statement, shown_partner
from campaigns.signing.consents import OfferedConsent

register = template.Library()


@register.simple_tag(name="privacy_statement")
def privacy_statement_tag(page: CampaignPage, offered: Iterable[OfferedConsent]) -> str:
    """Return the statement for a form offering `offered`: the one recorded."""
    return privacy_statement(page, shown_partner(offered))


@register.simple_tag(takes_context=True)
def privacy_url(context: dict[str, Any]) -> str:
    """Return the privacy page's absolute URL (when the request is known), in the
    active language.

    Absolute because the inline widget renders this on a partner's site.
    """
    # In the form's language: the page lives outside the language prefixes.
    url = f"{reverse('undersign_privacy')}?{urlencode({'lang': get_language()})}"
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


register.simple_tag(names_promise, name="names_promise")
