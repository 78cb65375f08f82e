"""Field errors in both modes: beside their fields, announced, focused; none stored."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from campaigns.models import Signature
from tests.e2e.conftest import fill_signer, submit, widget_panel

pytestmark = pytest.mark.e2e


BAD_EMAIL = ("Email", "Enter a valid email address.")
MISSING_LAST_NAME = ("Last name", "This field is required.")


@pytest.mark.parametrize("mode", ["isolated", "inline"])
@pytest.mark.parametrize(
    ("email", "last_name", "errors"),
    [
        # Caught by the script before sending.
        ("ana-at-example", "", [BAD_EMAIL, MISSING_LAST_NAME]),
        # Passes the script's check, refused by the server (no dot-less TLD).
        ("ana@example.c", "Ruiz", [BAD_EMAIL]),
    ],
    ids=["browser-checked", "server-checked"],
)
def test_field_errors_are_shown_announced_and_focused_and_nothing_is_stored(
    seeded_cross_site, host_pages, tab, mode, email, last_name, errors
):
    body = host_pages.script + host_pages.element(mode=mode)
    tab.goto(host_pages.page(f"errors-{mode}.html", body))
    scope = widget_panel(tab, mode)

    fill_signer(scope, email, last_name=last_name)
    submit(scope)

    alert = scope.get_by_role("alert")
    for label, text in errors:
        expect(alert).to_contain_text(f"{label}: {text}")
        field = scope.get_by_label(label, exact=True)
        expect(field).to_have_attribute("aria-invalid", "true")
        described_by = field.get_attribute("aria-describedby")
        expect(scope.locator(f'[id="{described_by}"]')).to_have_text(text)
    expect(scope.get_by_label("Email", exact=True)).to_be_focused()
    expect(scope.get_by_label("Email", exact=True)).to_have_value(email)
    expect(scope.get_by_label("First name", exact=True)).to_have_value("Ana")
    expect(scope.get_by_label("First name", exact=True)).not_to_have_attribute(
        "aria-invalid", "true"
    )
    assert Signature.objects.count() == 0


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_one_click_on_sign_after_a_bad_email_reports_every_error(
    seeded_cross_site, host_pages, tab, mode
):
    body = host_pages.script + host_pages.element(mode=mode)
    tab.goto(host_pages.page(f"one-click-{mode}.html", body))
    scope = widget_panel(tab, mode)

    scope.get_by_label("Email", exact=True).fill("ana-at-example")
    submit(scope)  # straight from the email field, as a signer would

    alert = scope.get_by_role("alert")
    expect(alert).to_contain_text("Email: Enter a valid email address.")
    expect(alert).to_contain_text("First name: This field is required.")
    expect(scope.get_by_label("Email", exact=True)).to_be_focused()
    assert Signature.objects.count() == 0


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_tabbing_past_a_reported_empty_field_keeps_its_error(
    seeded_cross_site, host_pages, tab, mode
):
    body = host_pages.script + host_pages.element(mode=mode)
    tab.goto(host_pages.page(f"tab-past-{mode}.html", body))
    scope = widget_panel(tab, mode)
    submit(scope)  # nothing typed: every required field is reported
    email = scope.get_by_label("Email", exact=True)
    expect(email).to_be_focused()

    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")

    expect(scope.get_by_label("Last name", exact=True)).to_be_focused()
    alert = scope.get_by_role("alert")
    for label in ("Email", "First name"):
        expect(alert).to_contain_text(f"{label}: This field is required.")
        field = scope.get_by_label(label, exact=True)
        expect(field).to_have_attribute("aria-invalid", "true")
        described_by = field.get_attribute("aria-describedby")
        expect(scope.locator(f'[id="{described_by}"]')).to_have_text(
            "This field is required."
        )


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_one_click_on_sign_after_fixing_every_error_signs(
    seeded_cross_site, host_pages, tab, mode
):
    body = host_pages.script + host_pages.element(mode=mode)
    tab.goto(host_pages.page(f"fixed-{mode}.html", body))
    scope = widget_panel(tab, mode)
    submit(scope)
    expect(scope.get_by_role("alert")).to_be_visible()

    fill_signer(scope, "ana@example.org")
    submit(scope)  # straight from the last field, whose error goes away

    expect(scope.get_by_role("heading", name="Thank you, Ana!")).to_be_visible()
    assert Signature.objects.count() == 1
