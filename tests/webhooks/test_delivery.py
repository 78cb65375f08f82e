"""A consenting signature reaches the partner's receiver, signed and verifiable."""

from __future__ import annotations

import json
from datetime import timedelta

from django.utils import timezone

from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.deliveries.outbox import (
    WEBHOOK_SIGNATURE,
    WEBHOOK_WITHDRAWAL,
    queue_withdrawn,
)
from campaigns.models import Delivery, Signature
from tests.partners.signers import sign_through
from tests.webhooks.verification import documented_verifier


def _webhook(kind: str = WEBHOOK_SIGNATURE) -> Delivery:
    return Delivery.objects.get(kind=kind)


def _make_due(delivery: Delivery) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def test_a_consenting_signature_arrives_and_the_documented_code_verifies_it(
    page, hooked_partner, receiver
):
    partner, secret = hooked_partner
    signature = sign_through(page, partner, "ana@example.org", postal_code="11211")

    dispatch_once()

    [request] = receiver.received
    verify = documented_verifier()
    assert verify(secret, request.headers, request.body)
    assert request.headers["Undersign-Delivery"] == str(_webhook().pk)
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["User-Agent"].startswith("Undersign-Webhooks/")
    record = json.loads(request.body)
    assert record["identifier"] == f"undersign:{signature.pk}"
    assert record["person"]["email_addresses"] == [
        {"address": "ana@example.org", "primary": True}
    ]
    assert record["consent"]["text"] == "Allow Make the Road to contact me"
    assert _webhook().state == Delivery.State.DONE


def test_the_documented_code_rejects_a_tampered_body_or_wrong_secret(
    page, hooked_partner, receiver
):
    partner, secret = hooked_partner
    sign_through(page, partner, "ana@example.org")
    dispatch_once()
    [request] = receiver.received
    verify = documented_verifier()

    tampered = request.body.replace(b"ana@example.org", b"eve@example.org")

    assert not verify(secret, request.headers, tampered)
    assert not verify("whsec_other", request.headers, request.body)
    assert not verify(secret, {**request.headers, "Undersign-Signature": ""}, b"{}")


def test_the_documented_code_rejects_an_old_timestamp(page, hooked_partner, receiver):
    partner, secret = hooked_partner
    sign_through(page, partner, "ana@example.org")
    dispatch_once()
    [request] = receiver.received
    sent_at = int(request.headers["Undersign-Timestamp"])

    verify = documented_verifier()

    assert verify(secret, request.headers, request.body, now=sent_at + 60)
    assert not verify(secret, request.headers, request.body, now=sent_at + 3600)


def test_a_signer_who_did_not_consent_is_never_sent(page, hooked_partner, receiver):
    partner, _secret = hooked_partner
    sign_through(page, partner, "ana@example.org", consent=False)

    dispatch_once()

    assert receiver.received == []
    assert not Delivery.objects.filter(kind=WEBHOOK_SIGNATURE).exists()


def test_after_500_replies_the_delivery_is_retried_and_succeeds(
    page, hooked_partner, receiver
):
    partner, _secret = hooked_partner
    receiver.statuses = [500, 503]
    sign_through(page, partner, "ana@example.org")

    dispatch_once()
    delivery = _webhook()
    assert delivery.state == Delivery.State.PENDING
    assert delivery.last_error == "HTTP 500"
    assert delivery.next_attempt_at > timezone.now()
    assert dispatch_once() == 0  # not due yet: it waits its backoff

    _make_due(delivery)
    dispatch_once()
    assert _webhook().last_error == "HTTP 503"

    _make_due(delivery)
    dispatch_once()

    delivery = _webhook()
    assert delivery.state == Delivery.State.DONE
    assert delivery.attempts == 3
    ids = {request.headers["Undersign-Delivery"] for request in receiver.received}
    assert ids == {str(delivery.pk)}
    assert len(receiver.received) == 3


def test_retries_stop_24_hours_after_creation_and_the_row_is_failed(
    page, hooked_partner, receiver, settings
):
    settings.UNDERSIGN_DELIVERY_MAX_ATTEMPTS = 1000
    partner, _secret = hooked_partner
    receiver.statuses = [500, 500]
    sign_through(page, partner, "ana@example.org")
    delivery = _webhook()
    Delivery.objects.filter(pk=delivery.pk).update(
        created_at=timezone.now() - timedelta(hours=23, minutes=59)
    )

    dispatch_once()
    delivery = _webhook()
    assert delivery.state == Delivery.State.PENDING
    # The next attempt waits no longer than the deadline itself.
    assert delivery.next_attempt_at <= delivery.created_at + timedelta(hours=24)

    Delivery.objects.filter(pk=delivery.pk).update(
        created_at=timezone.now() - timedelta(hours=24, seconds=1),
        next_attempt_at=timezone.now(),
    )
    dispatch_once()

    delivery = _webhook()
    assert delivery.state == Delivery.State.FAILED
    assert delivery.last_error == "HTTP 500"
    assert dispatch_once() == 0


def test_webhooks_are_not_limited_by_the_attempt_count_within_24_hours(
    page, hooked_partner, receiver, settings
):
    settings.UNDERSIGN_DELIVERY_MAX_ATTEMPTS = 1
    partner, _secret = hooked_partner
    receiver.statuses = [500]
    sign_through(page, partner, "ana@example.org")

    dispatch_once()

    assert _webhook().state == Delivery.State.PENDING


def test_a_refused_connection_is_retried_with_a_reason_naming_no_one(
    page, hooked_partner
):
    partner, _secret = hooked_partner
    partner.webhook_url = "http://127.0.0.1:9/closed"
    partner.save(update_fields=["webhook_url"])
    sign_through(page, partner, "ana@example.org")

    dispatch_once()

    delivery = _webhook()
    assert delivery.state == Delivery.State.PENDING
    assert delivery.last_error.startswith("network error")
    assert "ana" not in delivery.last_error


def test_a_partner_that_removed_its_url_is_skipped_without_a_request(
    page, hooked_partner, receiver
):
    partner, _secret = hooked_partner
    sign_through(page, partner, "ana@example.org")
    partner.webhook_url = ""
    partner.save(update_fields=["webhook_url"])

    dispatch_once()

    assert receiver.received == []
    assert _webhook().state == Delivery.State.DONE
    assert "no webhook URL" in _webhook().last_error


def test_an_anonymized_signature_is_skipped_without_a_request(
    page, hooked_partner, receiver
):
    partner, _secret = hooked_partner
    signature = sign_through(page, partner, "ana@example.org")
    signature.identity = None
    signature.status = Signature.Status.ANONYMIZED
    signature.save()

    dispatch_once()

    assert receiver.received == []
    assert _webhook().state == Delivery.State.DONE


def test_a_withdrawal_is_sent_with_the_identifier_and_no_personal_data(
    page, hooked_partner, receiver
):
    partner, secret = hooked_partner
    signature = sign_through(page, partner, "ana@example.org")
    dispatch_once()
    Signature.objects.filter(pk=signature.pk).update(
        status=Signature.Status.WITHDRAWN, withdrawn_at=timezone.now()
    )
    queue_withdrawn(signature)

    dispatch_once()

    request = receiver.received[-1]
    assert documented_verifier()(secret, request.headers, request.body)
    record = json.loads(request.body)
    assert record["identifier"] == f"undersign:{signature.pk}"
    assert record["action"] == "withdrawn"
    assert "person" not in record
    assert b"ana@example.org" not in request.body
    assert _webhook(WEBHOOK_WITHDRAWAL).state == Delivery.State.DONE


def test_without_a_secret_the_delivery_waits_and_sends_nothing(page, partner, receiver):
    partner.webhook_url = receiver.url
    partner.save(update_fields=["webhook_url"])
    sign_through(page, partner, "ana@example.org")

    dispatch_once()

    assert receiver.received == []
    delivery = _webhook()
    assert delivery.state == Delivery.State.PENDING
    assert "secret" in delivery.last_error
