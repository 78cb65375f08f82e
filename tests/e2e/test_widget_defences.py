"""People signing through the widget pass the bot checks; the trap is out of reach."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from campaigns.models import Signature
from tests.e2e.conftest import fill_signer, submit, widget_panel

pytestmark = pytest.mark.e2e


@pytest.fixture
def checks_on(settings) -> None:
    """A one-second minimum fill time, and a token required, so none can be missed."""
    settings.UNDERSIGN_MIN_FILL_SECONDS = 1
    settings.UNDERSIGN_FORM_TOKEN_REQUIRED = True
    settings.UNDERSIGN_HONEYPOT = True


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_a_person_filling_the_widget_is_counted(
    checks_on, seeded_cross_site, host_pages, tab, mode
):
    element = host_pages.element(mode="inline" if mode == "inline" else "")
    tab.goto(host_pages.page(f"defences-{mode}.html", host_pages.script + element))
    panel = widget_panel(tab, mode)
    expect(panel.get_by_label("Email", exact=True)).to_be_visible()

    fill_signer(panel, f"{mode}@example.org")
    tab.wait_for_timeout(1200)  # a person takes longer than the minimum
    submit(panel)

    expect(panel.get_by_role("heading", name="Thank you, Ana!")).to_be_focused()
    signature = Signature.objects.get()
    assert (signature.moderation, signature.moderation_reason) == ("ok", "")


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_a_form_sent_at_once_is_taken_but_not_counted(
    checks_on, settings, seeded_cross_site, host_pages, tab, mode
):
    settings.UNDERSIGN_MIN_FILL_SECONDS = 600
    element = host_pages.element(mode="inline" if mode == "inline" else "")
    tab.goto(host_pages.page(f"fast-{mode}.html", host_pages.script + element))
    panel = widget_panel(tab, mode)

    fill_signer(panel, f"{mode}@example.org")
    submit(panel)

    expect(panel.get_by_role("heading", name="Thank you, Ana!")).to_be_focused()
    assert Signature.objects.get().moderation_reason == "too_fast"


def test_a_signer_quicker_than_the_token_waits_for_it_and_is_counted(
    checks_on, settings, seeded_cross_site, host_pages, tab
):
    settings.UNDERSIGN_MIN_FILL_SECONDS = 0

    def slow_token(route):
        tab.wait_for_timeout(1500)  # a slow network, or a busy server
        route.continue_()

    tab.route("**/form-token/", slow_token)
    element = host_pages.element(mode="inline")
    tab.goto(host_pages.page("slow-token.html", host_pages.script + element))
    panel = widget_panel(tab, "inline")

    fill_signer(panel, "quick@example.org")
    submit(panel)

    expect(panel.get_by_role("heading", name="Thank you, Ana!")).to_be_focused()
    signature = Signature.objects.get()
    assert (signature.moderation, signature.moderation_reason) == ("ok", "")


def test_the_trap_is_never_reached_by_keyboard(seeded_live, site_url, tab):
    tab.goto(f"{site_url}/embed/ice-free-nyc/")
    tab.get_by_label("Email", exact=True).focus()

    names = []
    for _press in range(40):
        tab.keyboard.press("Tab")
        names.append(tab.evaluate("document.activeElement.name || ''"))

    assert "website" not in names
    assert "email" in names or "first_name" in names
