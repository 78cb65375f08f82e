"""The dispatcher claims due rows under a lease, runs them, retries with backoff."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import NoReturn

from django.core.management import call_command
from django.utils import timezone

from campaigns.deliveries import registry
from campaigns.deliveries.dispatcher import claim_due, dispatch_once
from campaigns.deliveries.outbox import EMAIL_THANKS
from campaigns.deliveries.registry import DeliveryError
from campaigns.models import Delivery
from campaigns.signing import SignatureInput, signature_create


def _make_due(delivery: Delivery) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def test_a_due_delivery_is_run_and_marked_done(register):
    ran = []
    register("test-ok", ran.append)
    delivery = Delivery.objects.create(kind="test-ok")

    assert dispatch_once() == 1

    delivery.refresh_from_db()
    assert ran == [delivery]
    assert delivery.state == Delivery.State.DONE
    assert delivery.done_at is not None
    assert delivery.attempts == 1
    assert delivery.leased_until is None
    assert dispatch_once() == 0


def test_the_thank_you_email_of_a_signing_is_delivered(page, mailoutbox):
    data = SignatureInput(email="ana@example.com", first_name="Ana", last_name="D")
    signature_create(page=page, data=data)

    call_command("undersign_worker", "--once", stdout=io.StringIO())

    delivery = Delivery.objects.get()
    assert delivery.kind == EMAIL_THANKS
    assert delivery.state == Delivery.State.DONE
    assert [message.to for message in mailoutbox] == [["ana@example.com"]]


def test_a_delivery_not_yet_due_is_left_alone(register):
    register("test-ok", lambda delivery: None)
    Delivery.objects.create(
        kind="test-ok", next_attempt_at=timezone.now() + timedelta(minutes=5)
    )

    assert claim_due() == []


def test_a_failure_is_rescheduled_with_backoff_and_counts_an_attempt(failing):
    delivery = failing(DeliveryError("webhook answered 503"))

    before = timezone.now()
    dispatch_once()

    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.PENDING
    assert delivery.attempts == 1
    assert delivery.leased_until is None
    assert delivery.next_attempt_at >= before + timedelta(seconds=24)
    assert delivery.last_error == "webhook answered 503"

    _make_due(delivery)
    dispatch_once()

    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.next_attempt_at >= timezone.now() + timedelta(seconds=48)


def test_a_delivery_fails_for_good_after_the_last_attempt(failing, settings):
    settings.UNDERSIGN_DELIVERY_MAX_ATTEMPTS = 2
    delivery = failing(DeliveryError("still down"))

    dispatch_once()
    _make_due(delivery)
    dispatch_once()
    _make_due(delivery)

    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.FAILED
    assert delivery.attempts == 2
    assert dispatch_once() == 0


def test_an_unknown_kind_fails_with_a_stored_reason(db):
    delivery = Delivery.objects.create(kind="no-such-kind")

    dispatch_once()

    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.PENDING
    assert "no-such-kind" in delivery.last_error


def test_other_errors_store_only_their_type_never_their_message(failing, caplog):
    delivery = failing(ValueError("could not reach ana@example.com, Ana Díaz"))

    with caplog.at_level(logging.WARNING):
        dispatch_once()

    delivery.refresh_from_db()
    assert delivery.last_error == "ValueError"
    assert "ana@example.com" not in caplog.text
    assert "Díaz" not in caplog.text


def test_a_leased_delivery_is_not_claimed_twice(register):
    register("test-ok", lambda delivery: None)
    delivery = Delivery.objects.create(kind="test-ok")

    assert [d.pk for d in claim_due()] == [delivery.pk]
    assert claim_due() == []

    delivery.refresh_from_db()
    assert delivery.leased_until > timezone.now()


def test_a_delivery_whose_lease_ran_out_is_claimed_again(register):
    register("test-ok", lambda delivery: None)
    crashed = Delivery.objects.create(
        kind="test-ok",
        attempts=1,
        leased_until=timezone.now() - timedelta(seconds=1),
    )

    dispatch_once()

    crashed.refresh_from_db()
    assert crashed.state == Delivery.State.DONE
    assert crashed.attempts == 2


def test_the_batch_limit_is_respected(register):
    register("test-ok", lambda delivery: None)
    Delivery.objects.bulk_create(Delivery(kind="test-ok") for _ in range(5))

    assert dispatch_once(limit=3) == 3
    assert dispatch_once(limit=3) == 2
    assert Delivery.objects.filter(state=Delivery.State.DONE).count() == 5


def test_a_batch_handler_is_opened_once_for_all_its_kinds_and_closed_after(
    register, register_batch
):
    opened, ran, closed = [], [], []

    @contextmanager
    def opener(deliveries: list[Delivery]) -> Iterator[registry.Handler]:
        opened.append([delivery.kind for delivery in deliveries])
        yield ran.append
        closed.append(len(ran))

    register_batch("test-a", opener)
    register_batch("test-b", opener)
    register("test-one", ran.append)
    kinds = ["test-a", "test-one", "test-b", "test-a"]
    Delivery.objects.bulk_create(Delivery(kind=kind) for kind in kinds)

    assert dispatch_once() == 4

    assert opened == [["test-a", "test-b", "test-a"]]
    assert [delivery.kind for delivery in ran] == kinds
    assert closed == [4]
    assert Delivery.objects.filter(state=Delivery.State.DONE).count() == 4


def test_a_batch_handler_that_cannot_open_reschedules_its_deliveries(
    register, register_batch
):
    def opener(deliveries: list[Delivery]) -> NoReturn:
        raise ConnectionRefusedError("mail.example.org:25 refused us")

    register_batch("test-batch", opener)
    register("test-one", lambda delivery: None)
    Delivery.objects.bulk_create(
        Delivery(kind=kind) for kind in ["test-batch", "test-one", "test-batch"]
    )

    dispatch_once()

    waiting = Delivery.objects.filter(kind="test-batch")
    assert [d.state for d in waiting] == [Delivery.State.PENDING] * 2
    assert {d.last_error for d in waiting} == {"ConnectionRefusedError"}
    assert all(d.next_attempt_at > timezone.now() for d in waiting)
    assert Delivery.objects.get(kind="test-one").state == Delivery.State.DONE
