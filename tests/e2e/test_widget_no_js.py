"""The iframe-only snippet with JavaScript off: the embed form still signs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from campaigns.models import Signature
from tests.e2e.conftest import fill_signer, submit
from widget.snippets import snippets

pytestmark = pytest.mark.e2e


@pytest.fixture
def no_js_tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_the_iframe_snippet_signs_without_javascript(
    seeded_cross_site, host_pages, partner_site, site_url, no_js_tab
):
    iframe = snippets(
        site=site_url, key="ice-free-nyc", partner="make-the-road", link=""
    ).iframe
    no_js_tab.goto(host_pages.page("iframe-only.html", iframe))
    frame = no_js_tab.frame_locator("iframe")

    fill_signer(frame, "ana@example.org")
    frame.get_by_label("Allow Make the Road New York to contact me").check()
    submit(frame)

    expect(frame.get_by_role("heading", name="Thank you for signing!")).to_be_visible()
    expect(frame.get_by_label("Email", exact=True)).to_have_count(0)
    signature = Signature.objects.get()
    assert signature.identity.email == "ana@example.org"
    assert signature.partner.slug == "make-the-road"
    assert signature.source["referrer"] == partner_site.origin()
    (consent,) = signature.consents.exclude(version__kind="privacy")
    assert consent.version.partner.slug == "make-the-road"
