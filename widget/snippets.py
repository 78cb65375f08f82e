"""The embed snippets a partner pastes, generated for one campaign and partner.

Every value goes into markup through `format_html`, so a key or slug with quotes
or brackets cannot leave its attribute.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from campaigns.models import CampaignPage
from campaigns.services import campaign_identity
from widget import __version__
from widget.releases import manifest, release_file


@dataclass(frozen=True)
class Snippets:
    """All the ways to embed one campaign for one partner (or none)."""

    isolated: SafeString
    inline: SafeString
    pinned: SafeString | None  # None until the current version is released
    iframe: SafeString
    link: str


def _element(key: str, partner: str, link: str, mode: str = "") -> SafeString:
    attrs = format_html(' campaign="{}"', key)
    if partner:
        attrs += format_html(' partner="{}"', partner)
    if mode:
        attrs += format_html(' mode="{}"', mode)
    return format_html(
        '<undersign-petition{}><noscript><a href="{}">{}</a></noscript>'
        "</undersign-petition>",
        attrs,
        link,
        _("Sign the petition"),
    )


def _script(src: str, integrity: str = "") -> SafeString:
    if integrity:
        return format_html(
            '<script src="{}" integrity="{}" crossorigin="anonymous" async></script>',
            src,
            integrity,
        )
    return format_html('<script src="{}" async></script>', src)


def snippets(
    *, site: str, key: str, partner: str = "", link: str, title: str = ""
) -> Snippets:
    """Return the snippets for campaign `key` through `partner`.

    `site` is this server's origin (`https://petitions.example`), `link` the
    partner-attributed hosted page for the `<noscript>` fallback (else the embed
    page), `title` the iframe's accessible name.
    """
    site = site.rstrip("/")
    query = f"?{urlencode({'partner': partner})}" if partner else ""
    embed_url = site + reverse("undersign_widget:embed", kwargs={"key": key}) + query
    # Without a hosted page (outside any Wagtail site) the embed page stands in.
    link = link or embed_url
    element = _element(key, partner, link)
    script = site + reverse("undersign_widget:script")
    integrity = manifest().get(__version__)
    pinned = None
    if integrity and release_file(__version__).exists():
        release = reverse("undersign_widget:release-script", args=[__version__])
        pinned = format_html("{}\n{}", _script(site + release, integrity), element)
    return Snippets(
        isolated=format_html("{}\n{}", _script(script), element),
        inline=format_html(
            "{}\n{}",
            _script(script),
            _element(key, partner, link, "inline"),
        ),
        pinned=pinned,
        iframe=format_html(
            '<iframe src="{}" title="{}" loading="lazy" '
            'style="width:100%;min-height:720px;border:0"></iframe>',
            embed_url,
            title or _("Petition"),
        ),
        link=link,
    )


def page_snippets(*, site: str, page: CampaignPage, partner: str = "") -> Snippets:
    """Return the snippets of `page`'s campaign as served from `site`."""
    parts = page.get_url_parts()
    link = ""
    if parts is not None:
        link = site.rstrip("/") + parts[2]
        if partner:
            link += page.reverse_subpage("sign_via_partner", args=(partner,))
    return snippets(
        site=site,
        key=campaign_identity(page).public_key,
        partner=partner,
        link=link,
        title=page.title,
    )
