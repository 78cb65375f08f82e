"""Double opt-in: the emailed link confirms; only then the signature counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from campaigns.deliveries.outbox import EMAIL_CONFIRM
from campaigns.models import Delivery, Signature
from campaigns.periodic import expire_unconfirmed
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from tests.emails.conftest import html_of, link_path
from tests.factories import campaign_page


@pytest.fixture
def opt_in_page(db):
    return campaign_page(double_opt_in=True)


def _count(page) -> int:
    return signature_count(campaign_identity(page))


def test_a_double_opt_in_signing_sends_a_confirmation_email(
    opt_in_page, sign, dispatch, mailoutbox
):
    sign(opt_in_page)
    dispatch()

    [message] = mailoutbox
    assert Delivery.objects.get().kind == EMAIL_CONFIRM
    assert "confirm" in message.subject.lower()
    assert "/sign/confirm/" in message.body
    assert "/sign/confirm/" in html_of(message)
    assert "/sign/withdraw/" in message.body
    assert _count(opt_in_page) == 0


def test_opening_the_confirm_link_changes_nothing(
    opt_in_page, sign, dispatch, mailoutbox, client
):
    sign(opt_in_page)
    dispatch()

    response = client.get(link_path(mailoutbox[0], "confirm"))

    assert response.status_code == 200
    assert b"Confirm my signature" in response.content
    assert Signature.objects.get().status == Signature.Status.PENDING
    assert _count(opt_in_page) == 0


def test_pressing_confirm_makes_the_signature_count(
    opt_in_page, sign, dispatch, mailoutbox, client
):
    sign(opt_in_page)
    dispatch()

    response = client.post(link_path(mailoutbox[0], "confirm"))

    assert response.status_code == 200
    assert b"Signature confirmed" in response.content
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.CONFIRMED
    assert signature.confirmed_at is not None
    assert _count(opt_in_page) == 1
    assert list(Signature.objects.counted()) == [signature]


def test_confirming_twice_counts_once(opt_in_page, sign, dispatch, mailoutbox, client):
    sign(opt_in_page)
    dispatch()
    path = link_path(mailoutbox[0], "confirm")

    client.post(path)
    second = client.post(path)

    assert second.status_code == 200
    assert _count(opt_in_page) == 1


def test_an_expired_pending_signature_never_counts_and_its_link_is_refused(
    opt_in_page, sign, dispatch, mailoutbox, client, settings
):
    settings.UNDERSIGN_CONFIRMATION_DAYS = 7
    sign(opt_in_page)
    dispatch()
    path = link_path(mailoutbox[0], "confirm")
    Signature.objects.update(created_at=timezone.now() - timedelta(days=8))
    assert expire_unconfirmed() == 1

    shown = client.get(path)
    pressed = client.post(path)

    assert shown.status_code == 400
    assert pressed.status_code == 400
    assert b"expired" in pressed.content
    assert Signature.objects.get().status == Signature.Status.EXPIRED
    assert _count(opt_in_page) == 0


def test_a_link_past_the_window_is_refused_even_before_the_expiry_job(
    opt_in_page, sign, dispatch, mailoutbox, client, settings
):
    settings.UNDERSIGN_CONFIRMATION_DAYS = 7
    sign(opt_in_page)
    dispatch()
    Signature.objects.update(created_at=timezone.now() - timedelta(days=8))

    response = client.post(link_path(mailoutbox[0], "confirm"))

    assert response.status_code == 400
    assert Signature.objects.get().status == Signature.Status.PENDING
    assert _count(opt_in_page) == 0


def test_a_withdrawn_pending_signature_can_no_longer_be_confirmed(
    opt_in_page, sign, dispatch, mailoutbox, client
):
    sign(opt_in_page)
    dispatch()
    client.post(link_path(mailoutbox[0], "withdraw"))

    response = client.post(link_path(mailoutbox[0], "confirm"))

    assert response.status_code == 400
    assert Signature.objects.get().status == Signature.Status.WITHDRAWN
    assert _count(opt_in_page) == 0
