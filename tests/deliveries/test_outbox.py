"""Every signing writes its outbox row in the same transaction as the signature."""

from __future__ import annotations

import pytest
from django.db import connection

from campaigns.deliveries.outbox import EMAIL_ALREADY_SIGNED, EMAIL_THANKS
from campaigns.models import Delivery, Signature, SignatureConsent
from campaigns.signing import (
    SignatureInput,
    SignatureInvalid,
    service,
    signature_create,
)

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

    # Every way of storing prepares the delivery's values through its fields.
    kind = Delivery._meta.get_field("kind")
    monkeypatch.setattr(kind, "get_db_prep_save", broken)

    with pytest.raises(RuntimeError):
        signature_create(page=page, data=DATA)

    assert not Signature.objects.exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL checks references at once"
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_tree_after_module")
def test_a_delivery_the_database_refuses_takes_its_signature_with_it(page, monkeypatch):
    # Outside any transaction, as a web request signs: one statement, one fate.
    def to_a_gone_partner(signature, page, webhook_partners):
        return [Delivery(kind=EMAIL_THANKS, signature=signature, partner_id=999_999)]

    monkeypatch.setattr(service, "signed_deliveries", to_a_gone_partner)

    signature_create(page=page, data=DATA)

    assert not Signature.objects.exists()
    assert not SignatureConsent.objects.exists()
    assert not Delivery.objects.exists()
