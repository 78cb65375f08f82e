"""The script's first question: may it run on this site, and where is everything?

The script knows only its own URL and reaches this answer relative to it; every
other URL it uses comes from here (or from the panel's data attributes), built
by the URLconf, so the plugin may be included under any prefix. A site that may
not show the form gets a message and a link to the campaign's own page, in the
signer's language, before anyone types anything.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from campaigns.api.cors import signing_origin_allowed
from campaigns.api.language import supported
from campaigns.forms import PARTNER_KEY_MAX
from campaigns.models import CampaignPage
from campaigns.selectors import campaign_page_for_key
from campaigns.services import campaign_identity
from widget.http import judge_404_by_plugin, origin_of, own_origin
from widget.panel import ENHANCER, hosted_url, text_direction

# Short: a partner's newly added origin, or a fixed title, reaches pages soon.
MAX_AGE = 60


def _public(response: JsonResponse) -> JsonResponse:
    # Any page may ask; the answer depends on who asks and in which language.
    response["Access-Control-Allow-Origin"] = "*"
    patch_vary_headers(response, ["Origin", "Accept-Language"])
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def _absolute(request: HttpRequest, name: str, key: str, query: str) -> str:
    return request.build_absolute_uri(f"{reverse(name, kwargs={'key': key})}?{query}")


def _setup(request: HttpRequest, page: CampaignPage, partner_key: str) -> dict:
    language = translation.get_language()
    public_key = campaign_identity(page).public_key
    query = urlencode({"partner": partner_key, "lang": language})
    link = hosted_url(request, page, partner_key) or _absolute(
        request, "undersign_widget:embed", public_key, query
    )
    # A cross-origin fetch names its page's origin; a same-origin GET sends none.
    origin = origin_of(request.headers.get("Origin", "")) or own_origin(request)
    allowed = signing_origin_allowed(public_key, origin, own_origin(request), request)
    answer = {
        "allowed": allowed,
        "origin": origin,
        "language": language,
        "dir": text_direction(language),
        "link": link,
        "link_text": _("Open this petition on its own page"),
    }
    if not allowed:
        answer["message"] = _("This website cannot show this petition's form.")
        return answer
    return {
        **answer,
        "title": _("Petition: %(title)s") % {"title": page.title},
        "frame": _absolute(request, "undersign_widget:embed", public_key, query),
        "fragment": _absolute(
            request, "undersign_widget:embed-fragment", public_key, query
        ),
        "enhancer": request.build_absolute_uri(static(ENHANCER)),
    }


@require_safe
def widget_setup(
    request: HttpRequest, key: str, version: str | None = None
) -> JsonResponse:
    """Return whether the asking origin may show campaign `key`, and its URLs.

    `version` is the release the script came from (its URL's folder); every
    release from 1.2.0 reads the same answer.
    """
    language = supported(request.GET.get("lang")) or translation.get_language()
    with translation.override(language):
        page = campaign_page_for_key(key, language)
        if page is None:
            judge_404_by_plugin(request)
            # Read by the script's console message, not shown to signers.
            return _public(JsonResponse({"detail": "No live campaign"}, status=404))
        partner_key = request.GET.get("partner", "")[:PARTNER_KEY_MAX]
        return _public(JsonResponse(_setup(request, page, partner_key)))
