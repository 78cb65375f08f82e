"""A retried signing is harmless; a reused key with another body is refused."""

from __future__ import annotations

from campaigns.models import Signature
from tests.api.conftest import VALID


def test_same_key_and_body_twice_gives_identical_replies_and_one_row(sign, page):
    body = {**VALID, "idempotency_key": "k-123"}

    first = sign(page.slug, body)
    second = sign(page.slug, body)

    assert first.status_code == second.status_code == 202
    assert first.content == second.content
    assert Signature.objects.count() == 1


def test_idempotency_header_works_like_the_body_field(sign, page):
    sign(page.slug, VALID, **{"Idempotency-Key": "k-123"})

    assert Signature.objects.get().idempotency_key == "k-123"


def test_same_key_with_another_body_is_422_and_changes_nothing(sign, page):
    sign(page.slug, {**VALID, "idempotency_key": "k-123"})
    stored = Signature.objects.get()

    response = sign(
        page.slug,
        {**VALID, "email": "other@example.org", "idempotency_key": "k-123"},
    )

    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_conflict"
    assert list(Signature.objects.all()) == [stored]
    assert Signature.objects.get().identity.email == "ana@example.org"


def test_idempotency_key_over_64_characters_is_refused(sign, page):
    response = sign(page.slug, {**VALID, "idempotency_key": "k" * 65})

    assert response.status_code == 400
    assert "idempotency_key" in response.json()["errors"]
    assert Signature.objects.count() == 0
