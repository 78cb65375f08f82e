"""Signing on a partner's site, in both modes: stored, credited, counted."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from campaigns.models import Signature
from tests.e2e.conftest import fill_signer, submit

pytestmark = pytest.mark.e2e

TAGGED = "?utm_source=newsletter&utm_campaign=spring"


def assert_one_row_credited_to_the_partner(email: str, partner_origin: str) -> None:
    signature = Signature.objects.get()
    assert signature.identity.email == email
    assert signature.partner.slug == "make-the-road"
    assert signature.source["utm_source"] == "newsletter"
    assert signature.source["utm_campaign"] == "spring"
    assert signature.source["referrer"] == partner_origin


def test_isolated_signing_is_stored_credited_and_counted_after_reload(
    seeded_cross_site, host_pages, partner_site, tab
):
    url = host_pages.page(
        "isolated.html", host_pages.script + host_pages.element(), query=TAGGED
    )
    tab.goto(url)
    frame = tab.frame_locator("undersign-petition iframe")
    expect(frame.locator("[data-us-count]")).to_have_text("0")

    fill_signer(frame, "ana@example.org")
    submit(frame)

    expect(frame.get_by_role("heading", name="Thank you, Ana!")).to_be_focused()
    expect(frame.locator("[data-us-count]")).to_have_text("1")
    assert_one_row_credited_to_the_partner("ana@example.org", partner_site.origin())
    tab.reload()
    expect(frame.locator("[data-us-count]")).to_have_text("1")
    expect(frame.get_by_label("Email", exact=True)).to_be_empty()


def test_inline_signing_is_stored_credited_and_counted_after_reload(
    seeded_cross_site, host_pages, partner_site, tab
):
    url = host_pages.page(
        "inline.html",
        host_pages.script + host_pages.element(mode="inline"),
        query=TAGGED,
    )
    tab.goto(url)
    widget = tab.locator("undersign-petition")
    expect(widget.locator("[data-us-count]")).to_have_text("0")

    fill_signer(widget, "bo@example.org", first_name="Bo")
    submit(widget)

    expect(widget.get_by_role("heading", name="Thank you, Bo!")).to_be_focused()
    expect(widget.locator("[data-us-count]")).to_have_text("1")
    assert_one_row_credited_to_the_partner("bo@example.org", partner_site.origin())
    tab.reload()
    expect(widget.locator("[data-us-count]")).to_have_text("1")
    expect(widget.get_by_label("Email", exact=True)).to_be_empty()


def test_the_thanks_greets_a_name_exactly_as_typed(seeded_cross_site, host_pages, tab):
    # `$&` is a replacement pattern to String.replace; a name is only ever text.
    tab.goto(
        host_pages.page(
            "dollar.html", host_pages.script + host_pages.element(mode="inline")
        )
    )
    widget = tab.locator("undersign-petition")

    fill_signer(widget, "jo@example.org", first_name="Jo$&<b>")
    submit(widget)

    expect(widget.get_by_role("heading", name="Thank you, Jo$&<b>!")).to_be_visible()
