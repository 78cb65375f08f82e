"""A client's idempotency key makes a retried submission harmless."""

from __future__ import annotations

import dataclasses

import pytest

from campaigns.models import Delivery, Signature
from campaigns.signing import (
    IdempotencyConflict,
    Outcome,
    SignatureInput,
    signature_create,
)
from tests.factories import campaign_page

DATA = SignatureInput(
    email="ana@example.com",
    first_name="Ana",
    last_name="Díaz",
    consents=["organizer"],
    idempotency_key="7f9c2b1e-retry-key",
)


def _without_outcome(result):
    return dataclasses.replace(result, outcome=None)


def test_the_same_key_and_body_replays_and_stores_one_row(page):
    first = signature_create(page=page, data=DATA)
    again = signature_create(page=page, data=DATA)

    assert (first.outcome, again.outcome) == (Outcome.NEW, Outcome.REPLAY)
    assert _without_outcome(first) == _without_outcome(again)
    assert Signature.objects.count() == 1
    assert Delivery.objects.count() == 1


def test_consents_in_another_order_are_the_same_body(page):
    signature_create(page=page, data=DATA)
    reordered = dataclasses.replace(DATA, consents=("organizer",))

    assert signature_create(page=page, data=reordered).outcome is Outcome.REPLAY


@pytest.mark.parametrize(
    "change",
    [
        {"first_name": "Anna"},
        {"email": "other@example.com"},
        {"consents": []},
    ],
)
def test_the_same_key_with_another_body_conflicts_and_changes_nothing(page, change):
    signature_create(page=page, data=DATA)
    before = list(Signature.objects.values())

    with pytest.raises(IdempotencyConflict):
        signature_create(page=page, data=dataclasses.replace(DATA, **change))

    assert list(Signature.objects.values()) == before
    assert Delivery.objects.count() == 1
    assert Signature.objects.get().identity.first_name == "Ana"


def test_a_repeat_signer_with_another_key_gets_the_reply_a_new_signer_gets(page):
    first = signature_create(page=page, data=DATA)
    repeat = signature_create(
        page=page, data=dataclasses.replace(DATA, idempotency_key="another-key")
    )

    assert repeat.outcome is Outcome.DUPLICATE
    assert _without_outcome(first) == _without_outcome(repeat)
    assert Signature.objects.count() == 1


def test_a_key_is_scoped_to_its_campaign(page):
    other = campaign_page(slug="another-campaign", title="Another")
    signature_create(page=page, data=DATA)

    assert signature_create(page=other, data=DATA).outcome is Outcome.NEW
    assert Signature.objects.count() == 2
