"""A batch of signers' emails: read together, sent over one connection, each
recorded on its own."""

from __future__ import annotations

import smtplib

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink
from django.core.mail.backends import locmem
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.crypto import email_index
from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.lifecycle import signature_withdraw
from campaigns.models import Delivery, Signature
from tests.faults.conftest import free_port


class RefusingBackend(locmem.EmailBackend):
    """Refuses every address starting with "bounce", as a mail server would."""

    def send_messages(self, messages):
        for message in messages:
            if message.to[0].startswith("bounce"):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"no")})
        return super().send_messages(messages)


class Greeted(Sink):
    """Counts the connections that greet the server and the messages sent."""

    def __init__(self) -> None:
        self.greetings = 0
        self.recipients: list[str] = []

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        self.greetings += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.recipients.extend(envelope.rcpt_tos)
        return "250 OK"


def _sign_each(sign, page, emails: list[str]) -> None:
    for email in emails:
        sign(page, email=email)


def test_a_withdrawn_signature_in_a_batch_is_skipped_and_the_others_are_sent(
    page, sign, mailoutbox
):
    _sign_each(sign, page, ["ana@example.org", "ben@example.org", "cy@example.org"])
    signature_withdraw(
        signature=Signature.objects.get(email_index=email_index("ben@example.org"))
    )

    assert dispatch_once() == 3

    assert sorted(m.to[0] for m in mailoutbox) == ["ana@example.org", "cy@example.org"]
    emails = Delivery.objects.filter(kind="email_thanks").order_by("signature_id")
    assert [d.state for d in emails] == [Delivery.State.DONE] * 3
    assert [d.last_error for d in emails] == ["", "skipped: signature withdrawn", ""]


def test_a_refused_email_mid_batch_is_retried_alone_and_the_sent_ones_are_done(
    page, sign, mailoutbox, settings
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    addresses = ["ana@example.org", "bounce@example.org", "cy@example.org"]
    _sign_each(sign, page, addresses)

    assert dispatch_once() == 3

    assert sorted(m.to[0] for m in mailoutbox) == ["ana@example.org", "cy@example.org"]
    emails = Delivery.objects.filter(kind="email_thanks").order_by("signature_id")
    assert [d.state for d in emails] == [
        Delivery.State.DONE,
        Delivery.State.PENDING,
        Delivery.State.DONE,
    ]
    assert emails[1].last_error == "SMTPRecipientsRefused"
    assert emails[1].leased_until is None
    assert dispatch_once() == 0  # it waits its backoff; the others are not resent


def test_each_email_of_a_batch_costs_only_its_daily_count_and_its_own_update(
    page, sign, mailoutbox
):
    _sign_each(sign, page, ["warm@example.org"])
    dispatch_once()  # the first batch also fills the site's caches

    def queries_for(emails: int, tag: str) -> int:
        _sign_each(sign, page, [f"{tag}{n}@example.org" for n in range(emails)])
        with CaptureQueriesContext(connection) as batch:
            assert dispatch_once() == emails
        return len(batch)

    small, large = queries_for(5, "small"), queries_for(15, "large")

    # Per email: the address's signatures, their emails of the day, its update.
    assert large - small == 3 * 10
    assert len(mailoutbox) == 21


def test_a_batch_of_emails_goes_over_one_smtp_connection(page, sign, settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
    addresses = ["ana@example.org", "ben@example.org", "cy@example.org"]
    _sign_each(sign, page, addresses)

    handler = Greeted()
    server = Controller(handler, hostname="127.0.0.1", port=port)
    server.start()
    try:
        assert dispatch_once() == 3
    finally:
        server.stop()

    assert sorted(handler.recipients) == addresses
    assert handler.greetings == 1
    assert not Delivery.objects.exclude(state=Delivery.State.DONE).exists()
