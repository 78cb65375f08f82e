"""A site not on the campaign's list can neither frame the form nor sign inline."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from campaigns.models import Signature
from tests.e2e.conftest import fill_signer, submit

pytestmark = pytest.mark.e2e


def test_inline_signing_from_an_unlisted_site_is_refused_and_keeps_the_typing(
    seeded_cross_site, host_pages, tab
):
    body = host_pages.script + host_pages.element(mode="inline")
    tab.goto(host_pages.page("evil-inline.html", body, host="evil.test"))
    widget = tab.locator("undersign-petition")
    refused = []
    tab.on("requestfailed", lambda request: refused.append(request.url))

    fill_signer(widget, "ana@example.org")
    submit(widget)

    expect(widget.get_by_role("status")).to_have_text(
        "We could not reach the server. Your details are still here — try again."
    )
    expect(widget.get_by_label("Email", exact=True)).to_have_value("ana@example.org")
    expect(widget.get_by_label("Last name", exact=True)).to_have_value("Ruiz")
    expect(widget.get_by_role("heading", name="Thank you, Ana!")).to_be_hidden()
    assert any(url.endswith("/signatures/") for url in refused)
    assert Signature.objects.count() == 0


def test_an_unlisted_site_cannot_frame_the_form(
    seeded_cross_site, host_pages, site_url, tab
):
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text))
    body = host_pages.script + host_pages.element()
    tab.goto(host_pages.page("evil-isolated.html", body, host="evil.test"))
    tab.wait_for_load_state("load")

    frame = tab.locator("undersign-petition iframe")
    # The widget asked for our embed page; the browser refused to show it.
    expect(frame).to_have_attribute(
        "src", re.compile(re.escape(f"{site_url}/embed/ice-free-nyc/?"))
    )
    (child,) = tab.main_frame.child_frames
    assert child.url == "chrome-error://chromewebdata/"
    assert any("frame-ancestors" in line for line in console)
    assert child.locator("form").count() == 0
    assert Signature.objects.count() == 0
