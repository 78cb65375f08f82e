"""Asking for a link does the same work whether or not the address signed, and a
client over its silent limit gets the same reply with nothing sent."""

from __future__ import annotations

from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks import default_task_backend

from campaigns import crypto
from campaigns.deliveries.outbox import EMAIL_YOUR_DATA
from campaigns.models import Delivery
from tests.abuse.conftest import rates
from tests.yourdata.conftest import EMAIL

NEVER_SIGNED = "nobody.here@example.org"
QUEUED_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _statements(client: Client, email: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        reply = client.post("/your-data/", {"email": email})
    assert reply.status_code == 200
    return [query["sql"].split(" WHERE ")[0] for query in queries.captured_queries]


def test_a_known_and_an_unknown_address_cost_the_request_the_same_queries(
    settings, signed
):
    settings.TASKS = QUEUED_ONLY
    client = Client()
    _statements(client, "warm.up@example.org")  # the day's client-key secret

    known = _statements(client, EMAIL)
    unknown = _statements(client, NEVER_SIGNED)

    assert known == unknown
    assert not Delivery.objects.filter(kind=EMAIL_YOUR_DATA).exists()


def test_the_queued_lookup_carries_neither_the_address_nor_its_index(settings, signed):
    settings.TASKS = QUEUED_ONLY

    Client().post("/your-data/", {"email": EMAIL})

    [result] = default_task_backend.results
    carried = repr(result.args) + repr(result.kwargs)
    assert EMAIL not in carried
    assert crypto.email_index(EMAIL) not in carried


def test_over_the_silent_limit_the_reply_is_the_same_and_nothing_is_mailed(
    settings, signed, dispatch
):
    rates(settings, your_data_client="2/hour")
    client = Client()
    dispatch()
    mail.outbox.clear()

    replies = []
    for _ in range(3):
        replies.append(client.post("/your-data/", {"email": EMAIL}))
        dispatch()

    assert len({reply.content for reply in replies}) == 1
    assert {reply.status_code for reply in replies} == {200}
    assert len(mail.outbox) == 2
