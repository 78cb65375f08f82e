"""The "your data" page as a person uses it: a failed submit, another language."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_a_failed_submit_moves_focus_to_the_error_summary(tab, site_url, seeded_live):
    tab.goto(f"{site_url}/your-data/")
    tab.get_by_label("Email address").fill("not-an-email")
    tab.get_by_role("button", name="Send me a link").click()

    summary = tab.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter a valid email address.")
    summary.get_by_role("link").click()
    expect(tab.get_by_label("Email address")).to_be_focused()
    expect(tab.get_by_label("Email address")).to_have_attribute("aria-invalid", "true")


def test_the_switcher_turns_the_page_and_its_errors_into_arabic(
    tab, site_url, seeded_live
):
    tab.goto(f"{site_url}/your-data/")
    tab.get_by_role("navigation").get_by_role("link", name="العربية").click()

    expect(tab.locator("html")).to_have_attribute("dir", "rtl")
    tab.locator("input[type=email]").fill("x")
    tab.locator("button[type=submit]").click()

    expect(tab.locator("html")).to_have_attribute("lang", "ar")
    expect(tab.get_by_role("alert")).to_be_focused()
    expect(tab.get_by_role("alert")).not_to_contain_text("Enter a valid")
