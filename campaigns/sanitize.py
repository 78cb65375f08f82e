"""The one HTML allowlist: CMS HTML passes through it before leaving the server.

Wagtail already limits what editors can write, but the API's HTML is put into other
people's pages by the widget, so it is cleaned again here rather than trusted.
"""

from __future__ import annotations

import nh3
from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import RichText, expand_db_html

ALLOWED_TAGS = {
    "a",
    "b",
    "blockquote",
    "br",
    "cite",
    "div",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h2",
    "h3",
    "h4",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "*": {"class"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Return `html` with only allowlisted tags, attributes and link schemes.

    Scripts and styles are dropped with their content; links get
    `rel="noopener noreferrer"`.
    """
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        clean_content_tags={"script", "style"},
        link_rel="noopener noreferrer",
    )


def sanitize_richtext(value: RichText | str | None) -> SafeString:
    """Return stored rich text (a `RichText` or DB HTML) expanded and sanitized.

    What Wagtail's `richtext` filter renders, minus anything not on the allowlist:
    HTML written straight into the database is cleaned like the editor's.
    """
    source = value.source if isinstance(value, RichText) else value or ""
    # Safe because nh3 has just removed everything outside the allowlist.
    return mark_safe(sanitize_html(expand_db_html(source)))  # noqa: S308
