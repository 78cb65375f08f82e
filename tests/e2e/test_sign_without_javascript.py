from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from campaigns.models import Signature
from tests.e2e.conftest import SEED_PATH

pytestmark = pytest.mark.e2e


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    """A browser tab with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def fill_form(tab: Page, email: str) -> None:
    tab.get_by_label("Email", exact=True).fill(email)
    tab.get_by_label("First name", exact=True).fill("Ana")
    tab.get_by_label("Last name", exact=True).fill("Ruiz")
    tab.get_by_role("button", name="Sign the petition").click()


def test_signing_without_javascript_thanks_stores_and_counts(
    live_server, seeded_live, tab
):
    tab.goto(f"{live_server.url}{SEED_PATH}")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Mayor de Blasio")
    expect(tab.locator(".us-count")).to_contain_text("0 signatures")

    fill_form(tab, "ana@example.org")

    expect(tab.get_by_role("heading", name="Thank you, Ana!")).to_be_visible()
    assert tab.url == f"{live_server.url}{SEED_PATH}thanks/"
    assert Signature.objects.get().identity.email == "ana@example.org"
    expect(tab.locator(".us-count")).to_contain_text("1 signature")
    whatsapp = tab.get_by_role("link", name="WhatsApp").get_attribute("href")
    assert whatsapp.startswith("https://wa.me/?text=")
    assert quote(f"{live_server.url}{SEED_PATH}", safe="") in whatsapp


def test_bad_email_without_javascript_shows_the_error_and_stores_nothing(
    live_server, seeded_live, tab
):
    tab.goto(f"{live_server.url}{SEED_PATH}")

    fill_form(tab, "ana-at-example")

    email = tab.get_by_label("Email", exact=True)
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_value("ana-at-example")
    expect(tab.locator("#sign-email_error")).to_have_text(
        "Enter a valid email address."
    )
    expect(tab.get_by_role("alert")).to_be_focused()
    expect(tab.get_by_label("First name", exact=True)).to_have_value("Ana")
    assert Signature.objects.count() == 0
