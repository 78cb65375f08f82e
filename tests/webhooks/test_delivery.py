"""A consenting signature reaches the partner's receiver, signed and verifiable."""

from __future__ import annotations

import base64
import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from standardwebhooks.webhooks import WebhookVerificationError

from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.deliveries.outbox import (
    WEBHOOK_SIGNATURE,
    WEBHOOK_WITHDRAWAL,
    queue_withdrawn,
)
from campaigns.models import Delivery, Signature
from campaigns.partners.opaque_ids import signature_id
from campaigns.webhooks.signing import webhook_secret_rotate
from tests.partners.signers import sign_through
from tests.webhooks.verification import documented_receiver, verifies


def _webhook(kind: str = WEBHOOK_SIGNATURE) -> Delivery:
    return Delivery.objects.get(kind=kind)


def _make_due(delivery: Delivery) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def test_a_consenting_signature_arrives_and_standard_webhooks_verifies_it(
    page, hooked_partner, receiver
):
    partner, secret = hooked_partner
    signature = sign_through(page, partner, "ana@example.org", postal_code="11211")

    dispatch_once()

    [request] = receiver.received
    assert verifies(secret, request.headers, request.body)
    assert request.headers["webhook-id"].startswith("msg_")
    assert request.headers["webhook-id"] != f"msg_{_webhook().pk}"
    assert request.headers["webhook-signature"].startswith("v1,")
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["User-Agent"].startswith("Undersign-Webhooks/")
    record = json.loads(request.body)
    assert record["identifiers"] == [f"undersign:{signature_id(signature, partner)}"]
    person = record["_embedded"]["osdi:person"]
    assert person["email_addresses"] == [
        {"primary": True, "address": "ana@example.org", "status": "subscribed"}
    ]
    assert record["undersign:consent"]["text"] == "Allow Make the Road to contact me"
    assert _webhook().state == Delivery.State.DONE


def test_a_tampered_id_timestamp_body_or_secret_fails_verification(
    page, hooked_partner, receiver
):
    partner, secret = hooked_partner
    sign_through(page, partner, "ana@example.org")
    dispatch_once()
    [request] = receiver.received
    headers = request.headers
    sent_at = int(headers["webhook-timestamp"])

    assert verifies(secret, headers, request.body)
    tampered_body = request.body.replace(b"ana@example.org", b"eve@example.org")
    assert not verifies(secret, headers, tampered_body)
    assert not verifies(secret, {**headers, "webhook-id": "msg_other"}, request.body)
    assert not verifies(
        secret, {**headers, "webhook-timestamp": str(sent_at + 1)}, request.body
    )
    other_secret = "whsec_" + base64.b64encode(b"x" * 32).decode()
    assert not verifies(other_secret, headers, request.body)


def test_the_documented_receiver_accepts_a_delivery_and_refuses_a_replay(
    page, hooked_partner, receiver
):
    partner, secret = hooked_partner
    sign_through(page, partner, "ana@example.org")
    dispatch_once()
    [request] = receiver.received
    receive = documented_receiver()

    record = receive(secret, request.headers, request.body)

    assert record["_embedded"]["osdi:person"]["given_name"] == "Ana"
    late = {**request.headers, "webhook-timestamp": str(int(time.time()) - 3600)}
    with pytest.raises(WebhookVerificationError):
        receive(secret, late, request.body)


def test_during_a_rotation_both_secrets_sign_and_verify(
    page, hooked_partner, receiver, settings
):
    partner, old_secret = hooked_partner
    new_secret = webhook_secret_rotate(partner)
    sign_through(page, partner, "ana@example.org")

    dispatch_once()

    [request] = receiver.received
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    assert verifies(old_secret, request.headers, request.body)
    assert verifies(new_secret, request.headers, request.body)


def test_after_the_overlap_only_the_new_secret_signs(
    page, hooked_partner, receiver, settings
):
    settings.UNDERSIGN_WEBHOOK_SECRET_OVERLAP_HOURS = 0
    partner, old_secret = hooked_partner
    new_secret = webhook_secret_rotate(partner)
    sign_through(page, partner, "ana@example.org")

    dispatch_once()

    [request] = receiver.received
    assert not verifies(old_secret, request.headers, request.body)
    assert verifies(new_secret, request.headers, request.body)


def test_a_secret_made_before_standard_webhooks_waits_for_a_new_one(
    page, hooked_partner, receiver
):
    partner, _secret = hooked_partner
    partner.webhook_key = "whsec_" + "-" * 43  # the old urlsafe format
    partner.save(update_fields=["webhook_secret"])
    sign_through(page, partner, "ana@example.org")

    dispatch_once()

    assert receiver.received == []
    delivery = _webhook()
    assert delivery.state == Delivery.State.PENDING
    assert "generate a new one" in delivery.last_error


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
    ids = {request.headers["webhook-id"] for request in receiver.received}
    assert len(ids) == 1
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


def test_a_withdrawal_is_a_deletion_notice_with_the_ids_and_no_personal_data(
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

    sent, notice = receiver.received
    assert verifies(secret, notice.headers, notice.body)
    assert notice.headers["webhook-id"] != sent.headers["webhook-id"]
    record = json.loads(notice.body)
    assert record["action"] == "deleted"
    signature_ids = json.loads(sent.body)["identifiers"]
    person_ids = json.loads(sent.body)["_embedded"]["osdi:person"]["identifiers"]
    assert record["osdi:signature"]["identifiers"] == signature_ids
    assert record["osdi:person"]["identifiers"] == person_ids
    assert b"ana" not in notice.body.lower()
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
