"""The snippets partners paste: every variant, every value escaped."""

from __future__ import annotations

import html
import re

from tests.pages.conftest import serve_as_home
from widget import __version__
from widget.releases import release_current
from widget.snippets import page_snippets, snippets

SITE = "https://petitions.example"
LINK = "https://petitions.example/en/p/make-the-road/"


def test_isolated_snippet_is_the_script_and_the_element_with_a_fallback_link(script):
    found = snippets(
        site=SITE + "/", key="ice-free-nyc", partner="make-the-road", link=LINK
    )

    assert found.isolated == (
        f'<script src="{SITE}/widget/v1/undersign.js" async></script>\n'
        '<undersign-petition campaign="ice-free-nyc" partner="make-the-road">'
        f'<noscript><a href="{LINK}">Sign the petition</a></noscript>'
        "</undersign-petition>"
    )
    assert 'partner="make-the-road" mode="inline">' in found.inline
    assert found.link == LINK


def test_iframe_snippet_frames_the_embed_page_for_the_partner(script):
    found = snippets(
        site=SITE,
        key="ice-free-nyc",
        partner="make-the-road",
        link=LINK,
        title="ICE-Free NYC",
    )

    assert found.iframe == (
        f'<iframe src="{SITE}/embed/ice-free-nyc/?partner=make-the-road" '
        'title="ICE-Free NYC" loading="lazy" '
        'style="width:100%;min-height:720px;border:0"></iframe>'
    )


def test_without_a_partner_no_partner_attribute_is_written(script):
    found = snippets(site=SITE, key="ice-free-nyc", link=LINK)

    assert "partner" not in found.isolated
    assert "partner" not in found.iframe


def test_pinned_snippet_exists_only_for_a_released_version(script):
    assert snippets(site=SITE, key="k", link=LINK).pinned is None

    digest = release_current()
    pinned = snippets(site=SITE, key="k", link=LINK).pinned

    assert pinned.startswith(
        f'<script src="{SITE}/widget/releases/{__version__}/undersign.js" '
        f'integrity="{digest}" crossorigin="anonymous" async></script>\n'
    )


def test_quotes_and_brackets_cannot_leave_their_attribute(script):
    evil = '"><script>alert(1)</script><x y="'
    # A key lands in a URL path too, where no route takes a slash.
    evil_key = '"><img src=x onerror=alert(1)><x y="'

    found = snippets(
        site=SITE, key=evil_key, partner=evil, link=LINK + evil, title=evil
    )

    for snippet in [found.isolated, found.inline, found.iframe]:
        assert "<script>alert" not in snippet
        tags = re.findall(r"<(\w[\w-]*)", snippet)
        assert set(tags) <= {"script", "undersign-petition", "noscript", "a", "iframe"}
        assert tags.count("script") <= 1
    assert 'campaign="&quot;&gt;&lt;img src=x' in found.isolated
    assert "/embed/%22%3E%3Cimg%20src=x" in found.iframe
    assert html.unescape(found.isolated).count(evil) == 2


def test_page_snippets_link_to_the_partner_attributed_hosted_page(page, script):
    serve_as_home(page)

    found = page_snippets(
        site="http://127.0.0.1:8000", page=page, partner="make-the-road"
    )

    assert found.link == "http://127.0.0.1:8000/en/p/make-the-road/"
    assert 'campaign="stop-the-detentions"' in found.isolated


def test_a_page_outside_any_site_falls_back_to_the_embed_page(page, script):
    found = page_snippets(site=SITE, page=page, partner="make-the-road")

    assert found.link == f"{SITE}/embed/stop-the-detentions/?partner=make-the-road"
