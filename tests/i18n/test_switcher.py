"""The language switcher: the same page in each of the twelve languages."""

from __future__ import annotations

import re

from django.conf import settings

EMBED = "/embed/stop-the-detentions/"


def _links(html: str) -> list[str]:
    nav = re.search(
        r'<(?:nav|details) class="us-langs".*?</(?:nav|details)>', html, re.S
    )
    assert nav is not None
    return re.findall(r"<a [^>]*>[^<]*</a>", nav.group(0))


def test_hosted_page_links_to_itself_in_every_language_named_in_that_language(
    client, hosted
):
    links = _links(client.get("/fr/").content.decode())

    assert len(links) == len(settings.LANGUAGES) == 12
    assert '<a href="/ko/" lang="ko" hreflang="ko">한국어</a>' in links
    assert '<a href="/ar/" lang="ar" hreflang="ar">العربية</a>' in links


def test_hosted_switcher_marks_the_current_language_only(client, hosted):
    links = _links(client.get("/fr/").content.decode())

    current = [link for link in links if "aria-current" in link]
    assert current == [
        '<a href="/fr/" lang="fr" hreflang="fr" aria-current="page">Français</a>'
    ]


def test_hosted_switcher_leads_to_a_translation_at_its_own_address(client, translate):
    translate("es", slug="alto-a-las-detenciones")

    links = _links(client.get("/en/").content.decode())

    assert any(link.startswith('<a href="/es/" lang="es"') for link in links)
    assert client.get("/es/").status_code == 200


def test_hosted_switcher_keeps_the_partner_link_and_query(client, hosted, partner):
    html = client.get("/en/p/make-the-road/?utm_source=mail").content.decode()

    assert '<a href="/bn/p/make-the-road/?utm_source=mail" lang="bn"' in html


def test_embed_switcher_reloads_the_frame_in_the_language_keeping_its_partner(
    client, hosted, partner
):
    html = client.get(
        EMBED, {"partner": "make-the-road", "lang": "pl"}
    ).content.decode()
    links = _links(html)

    assert len(links) == 12
    assert (
        f'<a href="{EMBED}?partner=make-the-road&amp;lang=ur" lang="ur" hreflang="ur">'
        in "".join(links)
    )
    assert '<html lang="pl" dir="ltr"' in html
    assert 'hreflang="pl" aria-current="page"' in html


def test_inline_fragment_has_no_switcher_its_lang_attribute_decides(api_client, hosted):
    reply = api_client.get("/api/v1/campaigns/stop-the-detentions/embed/?lang=es")

    assert reply.status_code == 200
    assert reply.json()["language"] == "es"
    assert "us-langs" not in reply.json()["html"]
