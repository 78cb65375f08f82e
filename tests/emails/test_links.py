"""Link tokens: signed, purpose-bound, expiring; forged or stale ones get a 400 page."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.urls import reverse

from campaigns import links
from campaigns.models import Signature


@pytest.fixture
def signature(page, sign) -> Signature:
    sign(page)
    return Signature.objects.get()


def _withdraw_url(token: str) -> str:
    return reverse("undersign_withdraw", args=[token])


@pytest.mark.parametrize("token", ["nonsense", "1", "MQ:1tWx:abc", "a" * 300])
def test_a_forged_token_gets_a_clear_400_page(signature, client, token):
    for response in (
        client.get(_withdraw_url(token)),
        client.post(_withdraw_url(token)),
    ):
        assert response.status_code == 400
        assert b"This link does not work" in response.content
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_a_token_signed_with_another_key_is_refused(signature, client, settings):
    token = links.make_token(signature, links.WITHDRAW)
    settings.SECRET_KEY = settings.SECRET_KEY[::-1]  # another site's key

    assert client.post(_withdraw_url(token)).status_code == 400
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_a_confirm_token_cannot_withdraw(signature, client):
    token = links.make_token(signature, links.CONFIRM)

    assert client.post(_withdraw_url(token)).status_code == 400
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_a_withdraw_token_older_than_a_year_is_refused(signature, client, monkeypatch):
    year_ago = int(time.time()) - 366 * 24 * 3600
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(year_ago)
    )
    token = links.make_token(signature, links.WITHDRAW)
    monkeypatch.undo()

    assert client.post(_withdraw_url(token)).status_code == 400
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_a_token_carries_only_the_signature_id(signature):
    token = links.make_token(signature, links.WITHDRAW)

    payload = signing.loads(token, salt="undersign.links.withdraw")
    assert payload == signature.pk
    assert "zorabel" not in token.lower()


def test_a_token_for_a_deleted_signature_is_refused(signature, client):
    token = links.make_token(signature, links.WITHDRAW)
    Signature.objects.all().delete()

    assert client.get(_withdraw_url(token)).status_code == 400
