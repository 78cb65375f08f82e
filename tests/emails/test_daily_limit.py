"""No address receives more than the daily limit of emails, however often it signs."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from campaigns.deliveries.outbox import (
    EMAIL_ALREADY_SIGNED,
    EMAIL_KINDS,
    EMAIL_YOUR_DATA,
)
from campaigns.models import Delivery
from tests.emails.conftest import EMAIL
from tests.factories import campaign_page


def test_fifty_submissions_of_one_address_get_at_most_the_daily_limit(
    page, sign, dispatch, mailoutbox, settings
):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 3
    second = campaign_page(title="Close Rikers", slug="close-rikers")
    for _ in range(50):
        sign(page)
    for _ in range(5):
        sign(second, email=EMAIL.upper())

    dispatch()

    assert len(mailoutbox) == 3
    assert all(message.to == [EMAIL] for message in mailoutbox)
    emails = Delivery.objects.filter(kind__in=EMAIL_KINDS)
    assert emails.count() == 55
    assert not emails.exclude(state=Delivery.State.DONE).exists()
    assert emails.filter(last_error="suppressed: daily limit").count() == 52


def test_the_limit_is_per_address(page, sign, dispatch, mailoutbox, settings):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 1
    second = campaign_page(title="Close Rikers", slug="close-rikers")
    sign(page)
    sign(second)
    sign(page, email="someone.else@example.org")

    dispatch()

    assert sorted(m.to[0] for m in mailoutbox) == ["someone.else@example.org", EMAIL]


def test_an_address_gets_email_again_a_day_later(
    page, sign, dispatch, mailoutbox, settings
):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 1
    sign(page)
    dispatch()
    Delivery.objects.update(done_at=timezone.now() - timedelta(hours=25))

    sign(page)
    dispatch()

    assert len(mailoutbox) == 2


def test_suppressed_emails_do_not_use_up_the_limit(
    page, sign, dispatch, mailoutbox, settings
):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 1
    second = campaign_page(title="Close Rikers", slug="close-rikers")
    third = campaign_page(title="Free them all", slug="free-them-all")
    sign(page)
    sign(second)
    dispatch()
    assert len(mailoutbox) == 1
    Delivery.objects.filter(last_error="").update(
        done_at=timezone.now() - timedelta(hours=25)
    )

    sign(third)
    dispatch()

    assert len(mailoutbox) == 2


def test_already_signed_notices_have_their_own_tighter_limit(
    page, sign, dispatch, mailoutbox, settings
):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 3
    settings.UNDERSIGN_ALREADY_SIGNED_PER_ADDRESS_PER_DAY = 1
    for _ in range(4):
        sign(page)

    dispatch()

    notices = Delivery.objects.filter(kind=EMAIL_ALREADY_SIGNED)
    assert notices.filter(last_error="").count() == 1
    assert notices.filter(last_error="suppressed: daily limit").count() == 2
    assert len(mailoutbox) == 2


def test_signing_someones_address_again_and_again_cannot_starve_their_data_link(
    page, sign, dispatch, mailoutbox, settings, client
):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 3
    second = campaign_page(title="Close Rikers", slug="close-rikers")
    for _ in range(5):
        sign(page)
        sign(second)
    dispatch()
    mailoutbox.clear()

    client.post("/your-data/", {"email": EMAIL})
    dispatch()

    [message] = mailoutbox
    assert message.to == [EMAIL]
    assert Delivery.objects.get(kind=EMAIL_YOUR_DATA).last_error == ""
