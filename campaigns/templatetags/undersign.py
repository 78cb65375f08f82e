"""Template helpers for the hosted campaign page: share links, counts, images."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django import template
from django.templatetags.static import static
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage

register = template.Library()

DEFAULT_SHARE_IMAGE = "undersign/share-default.png"


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str | Promise
    href: str


@register.simple_tag
def share_links(page: CampaignPage, url: str) -> list[ShareLink]:
    """Return plain share URLs for `url`: nothing is loaded from those sites."""
    text = page.share_text or page.call_to_action
    both = f"{text} {url}"
    return [
        ShareLink(
            "email",
            _("Email"),
            "mailto:?"
            + urlencode(
                {"subject": page.title, "body": f"{text}\n\n{url}"}, quote_via=quote
            ),
        ),
        ShareLink(
            "whatsapp",
            _("WhatsApp"),
            "https://wa.me/?" + urlencode({"text": both}, quote_via=quote),
        ),
        ShareLink(
            "facebook",
            _("Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ShareLink(
            "x",
            _("X"),
            "https://x.com/intent/post?" + urlencode({"text": text, "url": url}),
        ),
    ]


@register.filter
def grouped(value: int) -> str:
    """Return `value` with the active language's thousands separators."""
    return number_format(value, force_grouping=True)


@register.simple_tag(takes_context=True)
def share_image_url(context: dict[str, Any], page: CampaignPage) -> str:
    """Return the absolute URL of `page`'s 1200×630 share image, or the default."""
    if page.share_image is not None:
        url = page.share_image.get_rendition("fill-1200x630").url
    else:
        url = static(DEFAULT_SHARE_IMAGE)
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url
