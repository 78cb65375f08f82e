"""Every signing writes its outbox row in the same transaction as the signature."""

from __future__ import annotations

import pytest

from campaigns.models import Delivery, Signature
from campaigns.signing import SignatureInput, SignatureInvalid, signature_create

DATA = SignatureInput(email="ana@example.com", first_name="Ana", last_name="Díaz")


def test_a_signing_writes_one_signed_delivery_carrying_only_ids(page):
    signature_create(page=page, data=DATA)

    delivery = Delivery.objects.get()
    assert delivery.kind == "signed"
    assert delivery.signature_id == Signature.objects.get().pk
    assert delivery.state == Delivery.State.PENDING
    assert delivery.attempts == 0


def test_a_refused_signing_writes_no_delivery(page):
    with pytest.raises(SignatureInvalid):
        signature_create(page=page, data=SignatureInput(email="nope"))

    assert not Delivery.objects.exists()


def test_a_repeat_signing_writes_no_second_delivery(page):
    signature_create(page=page, data=DATA)
    signature_create(page=page, data=DATA)

    assert Delivery.objects.count() == 1


def test_a_failure_writing_the_delivery_stores_no_signature(page, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(Delivery.objects, "create", broken)

    with pytest.raises(RuntimeError):
        signature_create(page=page, data=DATA)

    assert not Signature.objects.exists()
