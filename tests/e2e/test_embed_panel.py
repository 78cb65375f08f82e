"""An organizer copies a partner's snippet from the Embed tab and sees the preview."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, BrowserContext, expect

from campaigns.models import Partner

pytestmark = pytest.mark.e2e


@pytest.fixture
def clipboard_context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    """A profile that may read and write the clipboard on the live server."""
    context = browser.new_context()
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live_server.url
    )
    yield context
    context.close()


def test_copying_a_partners_snippet_fills_the_clipboard_and_the_preview_shows_the_form(
    clipboard_context, live_server, seeded_live
):
    password = secrets.token_urlsafe()
    get_user_model().objects.create_superuser("organizer", password=password)
    partner = Partner.objects.get(slug="make-the-road")
    tab = clipboard_context.new_page()
    tab.goto(f"{live_server.url}/admin/login/")
    tab.get_by_label("Username").fill("organizer")
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Sign in").click()
    expect(tab).to_have_url(f"{live_server.url}/admin/")

    tab.goto(f"{live_server.url}/admin/pages/{seeded_live.pk}/edit/")
    tab.get_by_role("tab", name="Embed").click()
    box = tab.locator(f"#undersign-embed-{partner.pk}-isolated")
    tab.locator(
        f'[data-undersign-copy="undersign-embed-{partner.pk}-isolated"]'
    ).click()

    expect(tab.locator(f"#undersign-embed-{partner.pk}-isolated-status")).to_have_text(
        "Copied"
    )
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied == box.input_value()
    assert 'partner="make-the-road"' in copied
    preview = tab.frame_locator("[data-undersign-preview]")
    expect(preview.get_by_label("Email", exact=True)).to_be_visible()
