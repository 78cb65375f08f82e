"""The "your data" request page: its error state, and its language switcher."""

from __future__ import annotations

from django.utils import translation


def test_a_bad_address_gets_a_summary_that_takes_focus_and_a_field_error(client, db):
    response = client.post("/your-data/?lang=en", {"email": "not-an-email"})

    html = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert" tabindex="-1" autofocus' in html
    assert '<ul role="alert">' not in html  # a list keeps its list semantics
    assert '<a href="#id_email">Email address: Enter a valid email address.</a>' in html
    assert 'aria-invalid="true" aria-describedby="us-email-error"' in html
    assert 'id="us-email-error"' in html


def test_lang_in_the_address_chooses_the_pages_language(client, db):
    html = client.get("/your-data/?lang=ar").content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert 'action="/your-data/?lang=ar"' in html  # errors come back in Arabic too
    with translation.override("ar"):
        assert translation.gettext("Send me a link") in html


def test_the_switcher_links_every_language_and_marks_the_current_one(client, db):
    html = client.get("/your-data/?lang=es").content.decode()

    assert 'href="/your-data/?lang=ar" lang="ar" hreflang="ar">العربية</a>' in html
    current = 'href="/your-data/?lang=es" lang="es" hreflang="es" aria-current="page"'
    assert current in html
    assert html.count('hreflang="') == 12


def test_an_unknown_lang_falls_back_to_the_browsers(client, db):
    html = client.get("/your-data/?lang=xx", HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert '<html lang="fr" dir="ltr">' in html


def test_the_privacy_page_links_your_data_in_its_language(client, db):
    html = client.get("/privacy/?lang=ko").content.decode()

    assert '<html lang="ko"' in html
    assert 'href="/your-data/?lang=ko"' in html
