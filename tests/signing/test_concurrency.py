"""Concurrent duplicates on PostgreSQL: the unique constraints decide, not a check."""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter

import pytest
from django.db import connection, connections

from campaigns.deliveries.outbox import EMAIL_ALREADY_SIGNED, EMAIL_THANKS
from campaigns.models import CampaignPage, Delivery, Signature
from campaigns.signing import Outcome, SignatureInput, SigningResult, service

THREADS = 20

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_tree_after_module"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL row locking"
    ),
]


def _counting(monkeypatch, name: str) -> Counter[str]:
    """Replace `service.<name>` with a wrapper that counts its calls."""
    calls: Counter[str] = Counter()
    original = getattr(service, name)

    def wrapper(*args, **kwargs):
        calls[name] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(service, name, wrapper)
    return calls


def _insert_together(monkeypatch, barrier: threading.Barrier) -> None:
    """Hold every thread after validation so all twenty INSERT at the same moment.

    Without this, a late thread could find the winner's row in the idempotency
    look-up and never reach the constraint this test is about.
    """
    original = service._build

    def gated(*args, **kwargs):
        built = original(*args, **kwargs)
        barrier.wait(timeout=30)
        return built

    monkeypatch.setattr(service, "_build", gated)


def _run_together(page_pk: int, data: SignatureInput) -> list[SigningResult]:
    start = threading.Barrier(THREADS)
    results: list[SigningResult] = []
    failures: list[BaseException] = []

    def sign() -> None:
        try:
            page = CampaignPage.objects.get(pk=page_pk)
            start.wait(timeout=30)
            results.append(service.signature_create(page=page, data=data))
        except BaseException as error:  # noqa: BLE001 - reported by the test
            failures.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures
    return results


def _outcomes(results: list[SigningResult]) -> Counter[Outcome]:
    assert len({dataclasses.replace(r, outcome=Outcome.NEW) for r in results}) == 1
    return Counter(result.outcome for result in results)


def test_twenty_concurrent_signings_of_one_email_store_one(
    wagtail_tree, page, monkeypatch
):
    conflicts = _counting(monkeypatch, "_after_conflict")
    _insert_together(monkeypatch, threading.Barrier(THREADS))
    data = SignatureInput(
        email="ana@example.com",
        first_name="Ana",
        last_name="Díaz",
        consents=["organizer"],
    )

    results = _run_together(page.pk, data)

    assert _outcomes(results) == {Outcome.NEW: 1, Outcome.DUPLICATE: THREADS - 1}
    assert conflicts["_after_conflict"] == THREADS - 1
    assert Signature.objects.count() == 1
    # One thank-you; each duplicate tells the address (the daily limit caps sends).
    kinds = Counter(Delivery.objects.values_list("kind", flat=True))
    assert kinds == {EMAIL_THANKS: 1, EMAIL_ALREADY_SIGNED: THREADS - 1}
    ticked = Signature.objects.get().consents.exclude(version__kind="privacy")
    assert ticked.count() == 1


def test_twenty_concurrent_retries_of_one_key_store_one(
    wagtail_tree, page, monkeypatch
):
    conflicts = _counting(monkeypatch, "_after_conflict")
    _insert_together(monkeypatch, threading.Barrier(THREADS))
    data = SignatureInput(
        email="ana@example.com",
        first_name="Ana",
        last_name="Díaz",
        idempotency_key="one-retried-submission",
    )

    results = _run_together(page.pk, data)

    assert _outcomes(results) == {Outcome.NEW: 1, Outcome.REPLAY: THREADS - 1}
    assert conflicts["_after_conflict"] == THREADS - 1
    assert Signature.objects.count() == 1
    assert Delivery.objects.count() == 1
