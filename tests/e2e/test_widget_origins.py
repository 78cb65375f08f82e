"""A site not on the campaign's list is told so before anyone types, in both modes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from campaigns.models import Signature

pytestmark = pytest.mark.e2e

REFUSED = {
    "en": (
        "This website cannot show this petition's form.",
        "Open this petition on its own page",
    ),
    "es": (
        "Este sitio web no puede mostrar el formulario de esta petición.",
        "Abrir esta petición en su propia página",
    ),
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_an_unlisted_site_shows_a_link_to_the_campaign_page_and_names_its_origin(
    seeded_cross_site, host_pages, partner_site, site_url, tab, mode, language
):
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text))
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    element = host_pages.element(mode="" if mode == "isolated" else mode)
    body = host_pages.script + element.replace(">", f' lang="{language}">', 1)
    tab.goto(host_pages.page(f"evil-{mode}-{language}.html", body, host="evil.test"))
    widget = tab.locator("undersign-petition")
    message, link_text = REFUSED[language]

    expect(widget.get_by_role("note")).to_contain_text(message)
    link = widget.get_by_role("link", name=link_text)
    # The campaign's own page in the signer's language, credited to the partner.
    expect(link).to_have_attribute(
        "href",
        re.compile(rf"^{re.escape(site_url)}/{language}/.*/p/make-the-road/$"),
    )
    expect(widget.get_by_role("note")).to_have_attribute("lang", language)
    # Nothing to fill in, nothing framed, nothing sent.
    expect(widget.locator("iframe, form, input")).to_have_count(0)
    origin = partner_site.origin("evil.test")
    assert any(
        line.startswith("[undersign]") and f"add {origin} to" in line
        for line in console
    ), console
    assert not any("/embed/" in url or "/signatures/" in url for url in requests)
    assert Signature.objects.count() == 0


def test_the_listed_site_gets_the_form_with_a_title_in_its_language(
    seeded_cross_site, host_pages, tab
):
    body = host_pages.script + host_pages.element(lang="es")
    tab.goto(host_pages.page("listed-es.html", body))

    frame = tab.locator("undersign-petition iframe")
    expect(frame).to_have_attribute("title", "Petición: ICE-Free NYC")
    expect(
        tab.frame_locator("undersign-petition iframe").get_by_role(
            "button", name="Firma la petición"
        )
    ).to_be_visible()


def test_an_unlisted_site_framing_the_embed_page_itself_is_still_refused(
    seeded_cross_site, host_pages, site_url, tab
):
    # The iframe snippet, pasted where the organizer did not allow it.
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text))
    body = f'<iframe src="{site_url}/embed/ice-free-nyc/" title="Petition"></iframe>'
    tab.goto(host_pages.page("evil-iframe.html", body, host="evil.test"))
    tab.wait_for_load_state("load")

    (child,) = tab.main_frame.child_frames
    expect(tab.locator("iframe")).to_have_attribute(
        "src", re.compile(re.escape(f"{site_url}/embed/"))
    )
    assert child.url == "chrome-error://chromewebdata/"
    assert any("frame-ancestors" in line for line in console)
    assert Signature.objects.count() == 0
