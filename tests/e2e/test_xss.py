"""Hostile CMS HTML and a hostile signer name run no script, wherever they show.

The letter, background and demands are written straight into the database,
bypassing the editor; each payload would set `window.__pwned` or open a dialog.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from wagtail.rich_text import RichText

from campaigns.models import CampaignPage
from campaigns.signing import SignatureInput, signature_create
from tests.markup.conftest import HOSTILE_DEMAND, HOSTILE_HTML

pytestmark = pytest.mark.e2e

HOSTILE_NAME = "<img src=x onerror=\"window.__pwned='name'\">"


@pytest.fixture
def hostile_seed(seeded_cross_site: CampaignPage) -> CampaignPage:
    """The seed campaign, its content replaced by payloads, one hostile signer shown."""
    page = seeded_cross_site
    page.letter = HOSTILE_HTML
    page.background = [("paragraph", RichText(HOSTILE_HTML))]
    page.demands = [("demand", HOSTILE_DEMAND)]
    page.show_recent_signers = True
    page.save()
    signature_create(
        page=page,
        data=SignatureInput(
            email="hostile@example.org",
            first_name=HOSTILE_NAME,
            last_name="Doe",
            consents=["display"],
            language="en",
        ),
    )
    return page


def watch_dialogs(tab: Page) -> list[str]:
    """Record (and dismiss) every dialog `tab` opens."""
    opened: list[str] = []

    def dismiss(dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", dismiss)
    return opened


def pwned_frames(tab: Page) -> list[str]:
    """Return the URLs of the frames of `tab` where a payload ran."""
    return [
        frame.url
        for frame in tab.frames
        if frame.evaluate("typeof window.__pwned") != "undefined"
    ]


def test_the_hosted_page_runs_no_payload(hostile_seed, site_url, tab):
    dialogs = watch_dialogs(tab)
    tab.goto(f"{site_url}{hostile_seed.url}")

    expect(tab.get_by_text("Dear Mayor,").first).to_be_visible()
    expect(tab.get_by_text(HOSTILE_NAME)).to_be_visible()
    expect(tab.get_by_text(HOSTILE_DEMAND)).to_be_visible()
    # Its `javascript:` target is gone: clicking it goes nowhere.
    tab.get_by_text("Read the demands").first.click()

    assert tab.url.startswith(site_url)
    assert pwned_frames(tab) == []
    assert dialogs == []


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_the_widget_on_a_partner_page_runs_no_payload(
    hostile_seed, host_pages, tab, mode
):
    dialogs = watch_dialogs(tab)
    element = host_pages.element(mode="inline" if mode == "inline" else "")
    tab.goto(host_pages.page(f"xss-{mode}.html", host_pages.script + element))
    panel = (
        tab.locator("undersign-petition")
        if mode == "inline"
        else tab.frame_locator("undersign-petition iframe")
    )

    expect(panel.get_by_label("Email", exact=True)).to_be_visible()
    panel.get_by_text("Read the letter").click()
    expect(panel.get_by_text("Dear Mayor,")).to_be_visible()
    panel.get_by_text("Read the demands").click()

    assert tab.url.startswith(host_pages.partner_site.origin())
    assert pwned_frames(tab) == []
    assert dialogs == []
