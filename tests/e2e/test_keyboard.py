"""A signer with only a keyboard signs, and hears about any error."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from campaigns.models import Signature
from tests.e2e.conftest import SEED_PATH

pytestmark = pytest.mark.e2e

MAX_TABS = 60


def tab_to(tab: Page, selector: str) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _step in range(MAX_TABS):
        tab.keyboard.press("Tab")
        if tab.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_signing_with_tab_space_and_enter_alone(tab, site_url, seeded_live):
    tab.goto(f"{site_url}{SEED_PATH}")

    tab_to(tab, "#sign-email")
    tab.keyboard.type("kim@example.org")
    tab_to(tab, "#sign-first_name")
    tab.keyboard.type("Kim")
    tab_to(tab, "#sign-last_name")
    tab.keyboard.type("Park")
    tab_to(tab, "input[name=consents]")
    tab.keyboard.press("Space")
    tab_to(tab, "button[type=submit]")
    tab.keyboard.press("Enter")

    title = tab.locator("#us-thanks-title")
    title.wait_for()
    assert "Kim" in title.inner_text()
    assert tab.evaluate("document.activeElement.id") == "us-thanks-title"
    signature = Signature.objects.get()
    kinds = set(signature.consents.values_list("version__kind", flat=True))
    assert "organizer" in kinds  # the box ticked with Space
    assert "partner" not in kinds


def test_an_error_takes_focus_is_announced_and_leads_to_its_field(
    tab, site_url, seeded_live
):
    tab.goto(f"{site_url}{SEED_PATH}")
    tab_to(tab, "#sign-email")
    tab.keyboard.type("kim@example")
    tab_to(tab, "button[type=submit]")
    tab.keyboard.press("Enter")

    summary = tab.locator("#us-error-summary")
    summary.wait_for()
    assert tab.evaluate("document.activeElement.id") == "us-error-summary"
    assert summary.get_attribute("role") == "alert"
    assert "Email" in summary.inner_text()
    email = tab.locator("#sign-email")
    assert email.input_value() == "kim@example"
    described = email.get_attribute("aria-describedby") or ""
    assert "sign-email_error" in described.split()
    assert tab.locator("#sign-email_error").inner_text().strip()

    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "sign-email"
    assert not Signature.objects.exists()


def test_embed_error_takes_focus_and_is_announced(tab, site_url, seeded_live):
    tab.goto(f"{site_url}/embed/ice-free-nyc/?lang=en")
    tab.locator("[data-us-status]").wait_for(state="attached")
    tab_to(tab, "button[type=submit]")
    tab.keyboard.press("Enter")

    summary = tab.locator(".us-error-summary")
    summary.wait_for()
    assert summary.get_attribute("role") == "alert"
    focused = tab.evaluate("document.activeElement.id")
    assert focused == "sign-email"
    assert "sign-email_error" in (
        tab.locator("#sign-email").get_attribute("aria-describedby") or ""
    )
