"""Template helpers for the hosted campaign page: share links, counts, images,
the language switcher."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage
from campaigns.sanitize import sanitize_richtext

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


# CMS rich text on our pages goes through the same allowlist as the API's.
register.filter("sanitized_richtext", sanitize_richtext)


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


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    href: str
    current: bool


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any], page: CampaignPage) -> list[LanguageLink]:
    """Return a link to this view of `page` in each site language, endonym named.

    A live translation of `page` is linked where one exists (its slug may
    differ); otherwise the same path under the language's prefix, which serves
    the default page with the interface in that language.
    """
    request = context["request"]
    own_url = page.url_in_language(request) or ""
    rest = request.path[len(own_url) :] if request.path.startswith(own_url) else ""
    translations = {
        other.locale.language_code: other.get_url(request)
        for other in page.get_translations().live().select_related("locale")
    }
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code)
        href = url + rest if url else translate_url(request.path, code)
        links.append(LanguageLink(code, name, href + query, code == current))
    return links


@register.simple_tag(takes_context=True)
def query_language_links(context: dict[str, Any]) -> list[LanguageLink]:
    """Return a link to this page in each site language, by `?lang=` (for pages
    outside the language-prefixed URLs: privacy, your data)."""
    path = context["request"].path
    current = get_language()
    return [
        LanguageLink(code, name, f"{path}?{urlencode({'lang': code})}", code == current)
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag
def content_lang(page: CampaignPage) -> SafeString:
    """Return ` lang=… dir=…` for `page`'s own text when it is not in the active
    language (an untranslated campaign under another interface language), else ''.

    Screen readers then read the campaign's words in their own language's voice,
    and an English letter stays left to right on an Arabic page.
    """
    code = page.locale.language_code
    if code == get_language():
        return SafeString("")
    bidi = translation.get_language_info(code)["bidi"]
    if bidi == get_language_bidi():
        return format_html(' lang="{}"', code)
    return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


@register.simple_tag
def page_text(page: CampaignPage, text: str) -> SafeString:
    """Return `text` (escaped) that the organizer wrote for `page`, in a `<span>`
    carrying the page's `lang`/`dir` when that is not the active language."""
    attributes = content_lang(page)
    if not attributes:
        return SafeString(conditional_escape(text))
    return format_html("<span{}>{}</span>", attributes, text)


@register.simple_tag
def field_label(form: Any, field: Any) -> SafeString:
    """Return `field`'s label, marked with the page's language if it is a custom
    question the organizer wrote."""
    if field.name in form.written_fields:
        return page_text(form.page, field.label)
    return SafeString(conditional_escape(field.label))


@register.simple_tag
def choice_label(form: Any, field: Any, choice: Any) -> SafeString:
    """Return the label of one box or radio of `field`, marked like `field_label`
    when the organizer wrote it (a question's choice, a consent label)."""
    written = field.name in form.written_fields or (
        field.name == "consents" and choice.data["value"] in form.written_consents
    )
    if written:
        return page_text(form.page, choice.choice_label)
    return SafeString(conditional_escape(choice.choice_label))
