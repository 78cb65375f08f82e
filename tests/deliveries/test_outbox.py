"""Every signing writes its outbox row in the same transaction as the signature."""

from __future__ import annotations

import pytest

from campaigns.deliveries.outbox import EMAIL_ALREADY_SIGNED, EMAIL_THANKS
from campaigns.models import Delivery, Signature
from campaigns.signing import SignatureInput, SignatureInvalid, signature_create

DATA = SignatureInput(email="ana@example.com", first_name="Ana", last_name="Díaz")


def test_a_signing_writes_one_thank_you_delivery_carrying_only_ids(page):
    signature_create(page=page, data=DATA)

    delivery = Delivery.objects.get()
    assert delivery.kind == EMAIL_THANKS
    assert delivery.partner_id is None
    assert delivery.signature_id == Signature.objects.get().pk
    assert delivery.state == Delivery.State.PENDING
    assert delivery.attempts == 0


def test_a_refused_signing_writes_no_delivery(page):
    with pytest.raises(SignatureInvalid):
        signature_create(page=page, data=SignatureInput(email="nope"))

    assert not Delivery.objects.exists()


def test_a_repeat_signing_writes_an_already_signed_email_and_no_second_thanks(page):
    signature_create(page=page, data=DATA)
    signature_create(page=page, data=DATA)

    signature = Signature.objects.get()
    kinds = sorted(Delivery.objects.values_list("kind", flat=True))
    assert kinds == sorted([EMAIL_THANKS, EMAIL_ALREADY_SIGNED])
    assert set(Delivery.objects.values_list("signature", flat=True)) == {signature.pk}


def test_a_failure_writing_the_delivery_stores_no_signature(page, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(Delivery.objects, "bulk_create", broken)

    with pytest.raises(RuntimeError):
        signature_create(page=page, data=DATA)

    assert not Signature.objects.exists()
