"""Every sign form shows the statement and links to the privacy page."""

from __future__ import annotations

from datetime import date

import pytest

from tests.pages.conftest import serve_as_home

pytestmark = pytest.mark.django_db

# In the form's language: the privacy page lives outside the language prefixes.
PRIVACY_LINK = 'href="http://testserver/privacy/?lang=en"'


@pytest.fixture
def hosted(page):
    page.keep_data_until = date(2031, 3, 9)
    page.save_revision().publish()
    return serve_as_home(page)


def test_hosted_form_says_until_when_and_links_the_privacy_page(client, hosted):
    html = client.get("/en/").content.decode()

    assert "We keep your details until March 9, 2031." in html
    assert PRIVACY_LINK in html


def test_hosted_form_via_partner_names_the_partner(client, hosted, partner):
    html = client.get("/en/p/make-the-road/").content.decode()

    assert "Make the Road gets them only if you tick its box." in html


def test_embed_page_shows_the_statement_and_link(client, hosted):
    html = client.get("/embed/stop-the-detentions/").content.decode()

    assert "We keep your details until March 9, 2031." in html
    assert PRIVACY_LINK in html


def test_inline_fragment_links_the_privacy_page_absolutely(api_client, hosted):
    # Inline, the panel lives on the partner's site: a relative link would miss.
    html = api_client.get("/api/v1/campaigns/stop-the-detentions/embed/").json()["html"]

    assert PRIVACY_LINK in html


def test_privacy_page_states_the_promises(client, db):
    response = client.get("/privacy/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "encrypted" in html
    assert "IP address" in html


def test_privacy_page_states_how_long_the_client_key_lasts(client, db, settings):
    settings.UNDERSIGN_CLIENT_KEY_DAYS = 5

    html = client.get("/privacy/").content.decode()

    assert "at most 5 days" in html
