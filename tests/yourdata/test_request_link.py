"""Asking for a link: one reply for all, an email only to an address that signed."""

from __future__ import annotations

from django.core import mail
from django.test import Client

from campaigns.deliveries.outbox import EMAIL_YOUR_DATA
from campaigns.models import Delivery
from tests.yourdata.conftest import EMAIL, FIRST_NAME, OTHER_EMAIL, link_path

NEVER_SIGNED = "nobody.here@example.org"


def test_the_reply_is_the_same_whether_or_not_the_address_signed(
    signed, client, dispatch
):
    dispatch()
    mail.outbox.clear()

    signed_reply = client.post("/your-data/", {"email": EMAIL})
    unknown_reply = client.post("/your-data/", {"email": NEVER_SIGNED})

    assert signed_reply.status_code == unknown_reply.status_code == 200
    assert signed_reply.content == unknown_reply.content
    assert b"If this address signed a petition here" in signed_reply.content
    dispatch()
    [message] = mail.outbox
    assert message.to == [EMAIL]
    assert message.subject == "Your data"


def test_the_email_carries_a_working_link_and_no_name(signed, client, dispatch):
    dispatch()
    mail.outbox.clear()
    client.post("/your-data/", {"email": EMAIL.upper()})
    dispatch()

    [message] = mail.outbox
    response = client.get(link_path(str(message.body)))

    assert response.status_code == 200
    assert b"Download my data" in response.content
    assert FIRST_NAME not in str(message.body)
    assert EMAIL not in str(message.body)


def test_one_request_sends_one_email_for_a_person_who_signed_twice(signed, client):
    client.post("/your-data/", {"email": EMAIL})

    rows = Delivery.objects.filter(kind=EMAIL_YOUR_DATA)
    assert rows.count() == 1
    assert rows.get().signature_id in {signature.pk for signature in signed}


def test_repeated_requests_queue_nothing_while_an_email_waits(signed, client):
    for _ in range(5):
        client.post("/your-data/", {"email": EMAIL})

    assert Delivery.objects.filter(kind=EMAIL_YOUR_DATA).count() == 1


def test_the_daily_limit_stops_a_flood_of_links(signed, client, dispatch, settings):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 3
    dispatch()  # two thank-you emails went today: links have a budget of their own
    mail.outbox.clear()

    for _ in range(5):
        client.post("/your-data/", {"email": EMAIL})
        dispatch()

    assert len(mail.outbox) == 3


def test_the_outbox_row_names_no_one(signed, client):
    client.post("/your-data/", {"email": EMAIL})

    row = Delivery.objects.filter(kind=EMAIL_YOUR_DATA).values().get()
    assert EMAIL not in str(row)
    assert FIRST_NAME not in str(row)


def test_another_persons_address_gets_its_own_link_only(signed, client, dispatch):
    dispatch()
    mail.outbox.clear()

    client.post("/your-data/", {"email": OTHER_EMAIL})
    dispatch()

    assert [message.to for message in mail.outbox] == [[OTHER_EMAIL]]


def test_an_invalid_address_is_refused_with_the_form_again(db, client):
    response = client.post("/your-data/", {"email": "not an address"})

    assert response.status_code == 400
    assert b'aria-invalid="true"' in response.content
    assert not Delivery.objects.exists()


def test_the_pages_are_never_cached(db, client):
    for response in (
        client.get("/your-data/"),
        client.post("/your-data/", {"email": NEVER_SIGNED}),
    ):
        assert "no-store" in response["Cache-Control"]


def test_the_request_form_refuses_a_post_without_csrf_token(db):
    strict = Client(enforce_csrf_checks=True)

    assert strict.post("/your-data/", {"email": EMAIL}).status_code == 403
    assert not Delivery.objects.exists()
