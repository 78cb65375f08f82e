"""After signing, the signer gets a thank-you email with share links and a way out."""

from __future__ import annotations

from urllib.parse import quote

from campaigns.deliveries.outbox import EMAIL_THANKS
from campaigns.lifecycle import signature_withdraw
from campaigns.models import Delivery, Signature
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from campaigns.signing import Outcome
from tests.emails.conftest import EMAIL, html_of, link_path


def test_signing_sends_one_thank_you_email_in_text_and_html(
    page, sign, dispatch, mailoutbox
):
    sign(page)
    dispatch()

    [message] = mailoutbox
    assert message.to == [EMAIL]
    assert "Stop the detentions" in message.subject
    assert "Thank you for signing" in message.body
    assert "Dear Zorabel," in message.body
    html = html_of(message)
    assert "Thank you for signing" in html
    assert "<a href=" in html


def test_the_thank_you_email_links_to_the_hosted_page_and_share_sites(
    hosted, sign, dispatch, mailoutbox, settings
):
    settings.UNDERSIGN_SITE_URL = "https://petitions.example.org"
    sign(hosted)
    dispatch()

    [message] = mailoutbox
    page_url = "https://petitions.example.org/en/"
    assert page_url in message.body
    html = html_of(message)
    assert f'href="{page_url}"' in html
    assert quote(page_url, safe="") in html  # inside the share links
    for share in ("https://wa.me/?", "https://www.facebook.com/sharer/", "mailto:?"):
        assert share in message.body
        assert share in html


def test_page_text_is_escaped_in_html_but_not_in_plain_text(
    page, sign, dispatch, mailoutbox
):
    page.title = "Stop <ICE> & friends"
    page.save_revision().publish()
    sign(page)
    dispatch()

    [message] = mailoutbox
    assert "Stop <ICE> & friends" in message.body
    assert "Stop &lt;ICE&gt; &amp; friends" in html_of(message)
    assert "<ICE>" not in html_of(message)


def test_the_withdraw_link_shows_a_button_and_changes_nothing_on_get(
    page, sign, dispatch, mailoutbox, client
):
    sign(page)
    dispatch()
    path = link_path(mailoutbox[0], "withdraw")

    response = client.get(path)

    assert response.status_code == 200
    assert b"Withdraw my signature" in response.content
    assert b'method="post"' in response.content
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
    assert signature_count(campaign_identity(page)) == 1


def test_pressing_the_withdraw_button_removes_the_signature_from_the_count(
    page, sign, dispatch, mailoutbox, client
):
    sign(page)
    dispatch()
    path = link_path(mailoutbox[0], "withdraw")

    response = client.post(path)

    assert response.status_code == 200
    assert b"Signature withdrawn" in response.content
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.WITHDRAWN
    assert signature.withdrawn_at is not None
    assert signature_count(campaign_identity(page)) == 0


def test_a_withdrawn_signature_keeps_no_identifier_and_its_owner_may_sign_again(
    page, sign, dispatch, mailoutbox, client
):
    sign(page)
    dispatch()
    client.post(link_path(mailoutbox[0], "withdraw"))

    withdrawn = Signature.objects.get()
    assert withdrawn.identity is None
    assert withdrawn.email_index == ""
    assert sign(page).outcome is Outcome.NEW
    assert signature_count(campaign_identity(page)) == 1


def test_the_link_pages_set_no_cookie_but_csrf(
    page, sign, dispatch, mailoutbox, client
):
    sign(page)
    dispatch()
    path = link_path(mailoutbox[0], "withdraw")

    response = client.get(path)

    assert set(response.cookies) <= {"csrftoken"}


def test_a_signature_withdrawn_before_sending_gets_no_thank_you(
    page, sign, dispatch, mailoutbox
):
    sign(page)
    signature_withdraw(signature=Signature.objects.get())
    dispatch()

    assert mailoutbox == []
    delivery = Delivery.objects.get(kind=EMAIL_THANKS)
    assert delivery.state == Delivery.State.DONE
    assert delivery.last_error == "skipped: signature withdrawn"
