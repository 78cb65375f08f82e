"""The iframe document: the panel on its own page, which works without JavaScript.

It is framed by partner sites, so it sends `frame-ancestors` instead of
`X-Frame-Options`, sets no cookie at all, and guards its form with a signed token
and an Origin check rather than the CSRF cookie a cross-site frame never gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_safe

from campaigns.api.language import supported
from campaigns.forms import SignForm, attribution
from campaigns.models import CampaignPage, CampaignPartner
from campaigns.selectors import campaign_page_for_key
from campaigns.services import campaign_identity
from campaigns.signing import CampaignNotAccepting
from campaigns.templatetags.undersign import LanguageLink
from campaigns.throttling import request_client_key
from widget.http import not_found, origin_of
from widget.panel import (
    ENHANCER,
    find_partner,
    panel_context,
    text_direction,
    theme_style,
)
from widget.tokens import form_token_valid, posted_from_here

# What the iframe's own links keep from its URL: who, in which language, how.
KEPT_PARAMS = ("partner", "lang", "color", "radius")


@dataclass(frozen=True)
class Embed:
    page: CampaignPage
    public_key: str
    partner_key: str
    query: str
    language: str


def _embed(request: HttpRequest, key: str) -> Embed:
    language = supported(request.GET.get("lang")) or translation.get_language()
    page = campaign_page_for_key(key, language)
    if page is None:
        raise not_found(request)
    kept = {name: request.GET[name] for name in KEPT_PARAMS if request.GET.get(name)}
    return Embed(
        page=page,
        public_key=campaign_identity(page).public_key,
        partner_key=kept.get("partner", ""),
        query=urlencode(kept),
        language=language,
    )


def _language_links(request: HttpRequest, embed: Embed) -> list[LanguageLink]:
    """Return this frame's URL in each site language: the no-JS switcher."""
    url = reverse("undersign_widget:embed", kwargs={"key": embed.public_key})
    links = []
    for code, name in settings.LANGUAGES:
        # Every other parameter (partner, theme, the host's origin) is kept.
        query = request.GET.copy()
        query["lang"] = code
        links.append(
            LanguageLink(
                code, name, f"{url}?{query.urlencode()}", code == embed.language
            )
        )
    return links


def frame_ancestors(page: CampaignPage) -> str:
    """Return the CSP `frame-ancestors` sources that may frame `page`'s embed."""
    if page.open_to_all_sites:
        return "*"
    links = CampaignPartner.objects.filter(
        page__translation_key=page.translation_key, page__live=True
    ).select_related("partner")
    # Only well-formed origins reach the header: a stray space or `;` in an
    # editor's list must not add directives.
    origins = {
        origin
        for link in links
        for origin in link.partner.origins
        if origin_of(origin) == origin.lower()
    }
    return " ".join([*sorted(origins), "'self'"])


def _framable(response: HttpResponse, page: CampaignPage) -> HttpResponse:
    response["Content-Security-Policy"] = f"frame-ancestors {frame_ancestors(page)}"
    # Each render carries a fresh form token.
    response["Cache-Control"] = "no-store"
    return response


def _url(request: HttpRequest, name: str, embed: Embed) -> str:
    url = reverse(name, kwargs={"key": embed.public_key})
    return request.build_absolute_uri(url + (f"?{embed.query}" if embed.query else ""))


def _render(
    request: HttpRequest, embed: Embed, form: SignForm, *, signed: bool = False
) -> HttpResponse:
    context = panel_context(
        request,
        embed.page,
        partner_key=embed.partner_key,
        form=form,
        action_url=_url(request, "undersign_widget:embed", embed),
        signed=signed,
        isolated=True,
        theme_style=theme_style(
            request.GET.get("color", ""), request.GET.get("radius", "")
        ),
        enhancer_url=request.build_absolute_uri(static(ENHANCER)),
        languages=_language_links(request, embed),
    )
    response = render(request, "undersign_widget/embed.html", context)
    return _framable(response, embed.page)


def _initial(request: HttpRequest, embed: Embed) -> dict[str, str]:
    initial = attribution(request, embed.partner_key)
    # The host page's origin, passed by the script: the frame's own Referer is
    # the partner page at best, or nothing under a strict referrer policy.
    referrer = origin_of(request.GET.get("ref", ""))
    if referrer:
        initial["referrer"] = referrer
    return initial


@csrf_exempt  # guarded by form_token_valid and posted_from_here instead
@xframe_options_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_post_parameters()
def embed_page(request: HttpRequest, key: str) -> HttpResponse:
    """GET: the panel with an empty form. POST: sign, then redirect to thanks."""
    embed = _embed(request, key)
    with translation.override(embed.language):
        partner = find_partner(embed.partner_key)
        if request.method != "POST":
            form = SignForm(
                initial=_initial(request, embed), page=embed.page, partner=partner
            )
            return _render(request, embed, form)
        if not (
            form_token_valid(request.POST.get("form_token", ""), embed.public_key)
            and posted_from_here(request)
        ):
            return _forbidden(request, embed)
        data = request.POST.copy()
        data["partner"] = embed.partner_key  # the frame's partner, whatever was posted
        form = SignForm(data, page=embed.page, partner=partner)
        try:
            if form.sign(embed.language, request_client_key(request)) is not None:
                return HttpResponseRedirect(
                    _url(request, "undersign_widget:embed-thanks", embed)
                )
        except CampaignNotAccepting:
            pass  # re-rendered below, where the closed note replaces the form
        return _render(request, embed, form)


@xframe_options_exempt
@require_safe
def embed_thanks(request: HttpRequest, key: str) -> HttpResponse:
    """The state after a no-JavaScript signing, the same for every signer."""
    embed = _embed(request, key)
    with translation.override(embed.language):
        form = SignForm(page=embed.page, partner=find_partner(embed.partner_key))
        return _render(request, embed, form, signed=True)


def _forbidden(request: HttpRequest, embed: Embed) -> HttpResponse:
    response = render(
        request,
        "undersign_widget/forbidden.html",
        {
            "language": embed.language,
            "dir": text_direction(embed.language),
            "retry_url": _url(request, "undersign_widget:embed", embed),
        },
        status=403,
    )
    return _framable(response, embed.page)
