"""The one HTML allowlist: CMS HTML passes through it before leaving the server.

Wagtail already limits what editors can write, but the API's HTML is put into other
people's pages by the widget, so it is cleaned again here rather than trusted.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import RichText, expand_db_html

from campaigns.conf import conf

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
# What a browser strips from both ends of a URL: C0 controls and the space.
URL_STRIPPED = "".join(map(chr, range(0x21)))


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _own_origins() -> set[tuple[str, str]]:
    """Return the origins images may come from: this site's and its media's."""
    return {_origin(conf.SITE_URL), _origin(settings.MEDIA_URL)} - {("", "")}


def is_own_image(src: str) -> bool:
    """Return `True` if an image at `src` is served by this site: a relative
    address, or one on the site's (or its media's) origin."""
    # Browsers drop tabs and newlines anywhere in a URL and controls around it,
    # and read a backslash as a slash: `/\t/x` and `/\\x` lead to another host.
    src = "".join(ch for ch in src if ch not in "\t\n\r").strip(URL_STRIPPED)
    if "\\" in src:
        return False
    scheme, netloc = _origin(src)
    return (not scheme and not netloc) or (scheme, netloc) in _own_origins()


def _keep_own_images(element: str, attribute: str, value: str) -> str | None:
    # The inline widget puts this HTML on partners' pages, where no CSP stops a
    # remote image: one in a tampered letter would be a tracking pixel there.
    if element == "img" and attribute == "src" and not is_own_image(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    """Return `html` with only allowlisted tags, attributes and link schemes.

    Scripts and styles are dropped with their content; images keep their source
    only if this site serves it (an image from elsewhere shows its alt text);
    links get `rel="noopener noreferrer"`.
    """
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_own_images,
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
