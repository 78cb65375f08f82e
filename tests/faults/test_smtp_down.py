"""SMTP down (a real closed port): signing is stored at once, the email waits in
the outbox, and goes out once a mail server listens again."""

from __future__ import annotations

import json

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Sink
from django.test import Client
from django.utils import timezone

from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.deliveries.outbox import EMAIL_THANKS
from campaigns.models import Delivery, Signature
from tests.faults.conftest import free_port

EMAIL = "ana@example.org"


class Received(Sink):
    """Keeps the envelope recipients of every message the server is given."""

    def __init__(self) -> None:
        self.recipients: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.recipients.extend(envelope.rcpt_tos)
        return "250 OK"


def test_with_smtp_down_signing_is_stored_and_the_email_goes_when_it_returns(
    settings, page
):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5

    reply = Client().post(
        f"/api/v1/campaigns/{page.slug}/signatures/",
        data=json.dumps({"email": EMAIL, "first_name": "Ana", "last_name": "Ruiz"}),
        content_type="application/json",
    )
    dispatch_once()

    assert reply.status_code == 202
    assert Signature.objects.filter(campaign__translation_key=page.translation_key)
    waiting = Delivery.objects.get(kind=EMAIL_THANKS)
    assert waiting.state == Delivery.State.PENDING
    assert waiting.attempts == 1
    assert waiting.last_error == "ConnectionRefusedError"
    assert waiting.next_attempt_at > timezone.now()

    handler = Received()
    server = Controller(handler, hostname="127.0.0.1", port=port)
    server.start()
    try:
        Delivery.objects.update(next_attempt_at=timezone.now())
        dispatch_once()
    finally:
        server.stop()

    sent = Delivery.objects.get(kind=EMAIL_THANKS)
    assert sent.state == Delivery.State.DONE
    assert handler.recipients == [EMAIL]
