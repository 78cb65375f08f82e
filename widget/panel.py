"""What the panel template needs, for the iframe document and the inline fragment.

Both modes render `undersign_widget/panel.html` from `panel_context`, so the two
never drift apart.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from wagtail.rich_text import expand_db_html

from campaigns.forms import PARTNER_KEY_MAX, SignForm
from campaigns.models import CampaignPage, Partner
from campaigns.sanitize import sanitize_html
from campaigns.selectors import (
    current_goal,
    is_lookup_key,
    partner_for_key,
    signature_count,
)
from campaigns.services import campaign_identity
from campaigns.signing import closed_reason

STYLESHEET = "undersign_widget/embed.css"
COLOR = re.compile(r"^#?(?P<hex>[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
# The same forms the script accepts: a number, in px unless rem or em.
AA_TEXT = 4.5
NEAR_BLACK = 0.0056 + 0.05  # #111111's relative luminance, plus the flare term
RADIUS = re.compile(r"^\d{1,2}(?:\.\d{1,2})?(?:px|rem|em)?$")


def find_partner(key: str) -> Partner | None:
    """Return the partner with key `key`; an unknown key is simply no partner."""
    return partner_for_key(key[:PARTNER_KEY_MAX])


def text_direction(language: str) -> str:
    """Return `rtl` for a right-to-left language, else `ltr`."""
    try:
        return "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def hosted_url(request: HttpRequest, page: CampaignPage, partner_key: str) -> str:
    """Return the absolute URL of the hosted page, partner-attributed; '' if none."""
    url = page.url_in_language(request)
    if url is None:
        return ""
    if is_lookup_key(partner_key):
        url += page.reverse_subpage("sign_via_partner", args=(partner_key,))
    elif partner_key:
        # A key no path can hold (`/`, spaces) still reaches the page, as a query,
        # and is kept as the signing's source like any unknown key.
        url += "?" + urlencode({"partner": partner_key})
    return request.build_absolute_uri(url)


def theme_style(color: str, radius: str) -> str:
    """Return CSS custom properties for a valid `color`/`radius`; ignore the rest.

    Only a hex colour and a short length pass, so nothing a host page sends can
    reach the markup as CSS.
    """
    rules = []
    match = COLOR.fullmatch(color)
    if match:
        digits = match["hex"]
        if len(digits) == 3:
            digits = "".join(ch * 2 for ch in digits)
        rules.append(f"--us-primary:#{digits.lower()}")
        rules.append(f"--us-on-primary:{_text_on(digits)}")
    if RADIUS.fullmatch(radius):
        unit = "" if radius[-1].isalpha() else "px"
        rules.append(f"--us-radius:{radius}{unit}")
    return ";".join(rules)


def _text_on(digits: str) -> str:
    # WCAG relative luminance: dark text on light colours, white on dark ones.
    # Near-black reads softer, but on mid greens it falls short of 4.5:1, where
    # only pure black keeps it.
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05:
        return "#ffffff"
    return "#111111" if (luminance + 0.05) / NEAR_BLACK >= AA_TEXT else "#000000"


def panel_context(
    request: HttpRequest,
    page: CampaignPage,
    *,
    partner_key: str,
    form: SignForm,
    action_url: str,
    **extra: Any,
) -> dict[str, Any]:
    """Return the context of `panel.html` for `page` reached through `partner_key`.

    `extra` adds mode-specific values: `signed`, `isolated`,
    `theme_style`, `languages`. The panel speaks the active language; the
    campaign's own text is marked when it is another (an untranslated campaign).
    """
    campaign = campaign_identity(page)
    language = translation.get_language()
    count = signature_count(campaign)
    return {
        "page": page,
        "campaign": campaign,
        "partner": form.partner,
        "partner_key": partner_key,
        "form": form,
        "action_url": action_url,
        "embed": True,
        "language": language,
        "dir": text_direction(language),
        "count": count,
        "goal": current_goal(page, count),
        "letter_html": sanitize_html(expand_db_html(page.letter)),
        "closed_reason": "" if page.is_accepting() else closed_reason(page),
        "canonical_url": hosted_url(request, page, partner_key),
        "api_url": request.build_absolute_uri(
            reverse(
                "undersign_api:campaign-detail", kwargs={"key": campaign.public_key}
            )
        ),
        "stylesheet": request.build_absolute_uri(static(STYLESHEET)),
        **extra,
    }
