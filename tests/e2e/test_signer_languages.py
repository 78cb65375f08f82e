"""A signer on another language's page of the (English-only) seed campaign stays
in that language and direction: thank-you page, share link and emails."""

from __future__ import annotations

import pytest
from django.core import mail
from playwright.sync_api import expect

from campaigns.deliveries.dispatcher import dispatch_once

pytestmark = pytest.mark.e2e

DIRECTION = {"es": "ltr", "ar": "rtl", "zh-hant": "ltr"}


@pytest.mark.parametrize("language", list(DIRECTION))
def test_a_signer_stays_in_their_language_to_the_thank_you_and_emails(
    tab, site_url, seeded_live, settings, language
):
    settings.UNDERSIGN_SITE_URL = site_url
    tab.goto(f"{site_url}/{language}/campaigns/ice-free-nyc/")
    tab.locator("input[name=email]").fill("ana@example.org")
    tab.locator("input[name=first_name]").fill("Ana")
    tab.locator("input[name=last_name]").fill("Ruiz")
    tab.locator("button.us-submit").click()

    tab.locator(".us-thanks").wait_for()
    assert tab.url == f"{site_url}/{language}/campaigns/ice-free-nyc/thanks/"
    html = tab.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", DIRECTION[language])
    expect(tab.locator("#us-share-url")).to_have_value(
        f"{site_url}/{language}/campaigns/ice-free-nyc/"
    )
    whatsapp = tab.locator(".us-share-whatsapp").get_attribute("href") or ""
    assert f"%2F{language}%2Fcampaigns%2Fice-free-nyc%2F" in whatsapp

    while dispatch_once():
        pass
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == language
    assert f"{site_url}/{language}/campaigns/ice-free-nyc/" in message.body
    email_html = message.alternatives[0][0]
    assert f'lang="{language}"' in email_html
    assert f'dir="{DIRECTION[language]}"' in email_html
