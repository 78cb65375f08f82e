"""A signer on another language's page of an untranslated campaign stays in it:
thank-you page, share links, canonical link, the API's URL and every email."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.core import mail

from campaigns.deliveries.dispatcher import dispatch_once

FORM = {"email": "ana@example.org", "first_name": "Ana", "last_name": "Ruiz"}


@pytest.fixture(autouse=True)
def _emails_link_here(settings) -> None:
    settings.UNDERSIGN_SITE_URL = "http://testserver"


def _dispatch() -> None:
    while dispatch_once():
        pass


@pytest.mark.parametrize("language", ["es", "ar", "zh-hant"])
def test_signing_ends_on_the_thank_you_page_in_the_same_language(
    client, hosted, language
):
    response = client.post(f"/{language}/", FORM)

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/thanks/"
    html = client.get(response["Location"]).content.decode()
    assert f'<html lang="{language}"' in html
    assert f'<link rel="canonical" href="http://testserver/{language}/">' in html
    assert f'content="http://testserver/{language}/"' in html  # og:url
    assert f'value="http://testserver/{language}/" readonly' in html  # share box
    assert quote(f"http://testserver/{language}/", safe="") in html  # share links
    assert "Thank you, Ana!" not in html  # the greeting is translated too


def test_the_language_switcher_on_the_thank_you_page_keeps_the_state(client, hosted):
    client.post("/ar/", FORM)

    html = client.get("/ar/thanks/").content.decode()

    assert 'href="/es/thanks/"' in html
    assert 'href="/en/thanks/"' in html


def test_the_thanks_email_links_to_the_page_in_the_signers_language(client, hosted):
    client.post("/es/", FORM)
    _dispatch()

    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "es"
    assert "http://testserver/es/\n" in message.body
    assert "http://testserver/en/" not in message.body


def test_already_signed_email_speaks_the_language_used_this_time(client, hosted):
    client.post("/en/", FORM)
    _dispatch()
    mail.outbox.clear()

    client.post("/ar/", FORM)
    _dispatch()

    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "ar"
    assert 'dir="rtl"' in message.alternatives[0][0]
    assert "http://testserver/ar/" in message.body


def test_the_api_gives_the_page_url_in_the_asked_language(client, hosted):
    key = hosted.slug

    reply = client.get(f"/api/v1/campaigns/{key}/?lang=zh-hant").json()

    assert reply["url"] == "http://localhost/zh-hant/"  # the Site's own host


def test_a_translated_campaign_keeps_its_own_url(client, hosted, translate):
    translate("es", slug="spanish-slug")

    response = client.post("/es/", FORM)

    assert response["Location"] == "/es/thanks/"
    assert client.get("/en/").status_code == 200


def test_the_embeds_share_link_is_in_the_frames_language(client, hosted):
    html = client.get(
        "/embed/stop-the-detentions/", {"lang": "ar", "partner": "make-the-road"}
    ).content.decode()

    assert 'value="http://testserver/ar/p/make-the-road/" readonly' in html
