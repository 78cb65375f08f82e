"""Emails are written in the language the signer signed in."""

from __future__ import annotations

from datetime import UTC, datetime

from campaigns.models import Signature
from tests.emails.conftest import html_of, link_path


def _signed_on_march_third(page, sign, language: str) -> None:
    sign(page, language=language)
    Signature.objects.update(created_at=datetime(2025, 3, 3, 17, 0, tzinfo=UTC))


def test_a_spanish_signer_gets_the_email_rendered_in_spanish(
    page, sign, dispatch, mailoutbox
):
    _signed_on_march_third(page, sign, "es")
    dispatch()

    [message] = mailoutbox
    assert message.extra_headers["Content-Language"] == "es"
    assert "3 de marzo de 2025" in message.body
    assert 'lang="es"' in html_of(message)


def test_an_english_signer_gets_the_email_in_english(page, sign, dispatch, mailoutbox):
    _signed_on_march_third(page, sign, "en")
    dispatch()

    [message] = mailoutbox
    assert message.extra_headers["Content-Language"] == "en"
    assert "March 3, 2025" in message.body
    assert 'lang="en"' in html_of(message)


def test_an_arabic_email_is_marked_right_to_left(page, sign, dispatch, mailoutbox):
    sign(page, language="ar")
    dispatch()

    assert 'dir="rtl"' in html_of(mailoutbox[0])


def test_the_link_pages_answer_in_the_signers_language(
    page, sign, dispatch, mailoutbox, client
):
    sign(page, language="ar")
    dispatch()

    response = client.get(link_path(mailoutbox[0], "withdraw"))

    assert b'lang="ar"' in response.content
