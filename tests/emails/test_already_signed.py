"""A repeat signer is told by email, while the API answers exactly as for a new one."""

from __future__ import annotations

import json

from campaigns.deliveries.outbox import EMAIL_ALREADY_SIGNED, EMAIL_THANKS
from campaigns.models import Delivery, Signature
from tests.emails.conftest import EMAIL, html_of, link_path
from tests.factories import campaign_page

BODY = {"email": EMAIL, "first_name": "Zorabel", "last_name": "Quintanilla"}


def _post(api_client, page, body=BODY):
    return api_client.post(
        f"/api/v1/campaigns/{page.slug}/signatures/",
        data=json.dumps(body),
        content_type="application/json",
    )


def test_a_repeat_signer_gets_an_already_signed_email_and_the_same_reply(
    page, api_client, dispatch, mailoutbox
):
    first = _post(api_client, page)
    again = _post(api_client, page, {**BODY, "email": EMAIL.upper()})
    dispatch()

    assert (again.status_code, again.json()) == (first.status_code, first.json())
    assert Signature.objects.count() == 1
    thanks, repeat = mailoutbox
    assert "Thank you for signing" in thanks.subject
    assert repeat.to == [EMAIL]
    assert "already signed" in repeat.subject
    assert "nothing changed" in repeat.body
    assert "nothing changed" in html_of(repeat)
    assert link_path(repeat, "withdraw")


def test_a_repeat_signer_gets_no_second_thank_you(page, sign, dispatch, mailoutbox):
    sign(page)
    sign(page)
    dispatch()

    kinds = sorted(Delivery.objects.values_list("kind", flat=True))
    assert kinds == sorted([EMAIL_THANKS, EMAIL_ALREADY_SIGNED])
    assert sum("Thank you for signing" in m.subject for m in mailoutbox) == 1


def test_a_pending_repeat_signer_is_given_the_confirm_link_again(
    db, sign, dispatch, mailoutbox, client
):
    page = campaign_page(double_opt_in=True)
    sign(page)
    sign(page)
    dispatch()

    _confirm, repeat = mailoutbox
    assert "already signed" in repeat.subject
    assert client.post(link_path(repeat, "confirm")).status_code == 200
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
