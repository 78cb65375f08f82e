"""The link page: GET only shows buttons; forged, stale or foreign tokens get a 400."""

from __future__ import annotations

import time

import pytest
from django.core import signing

from campaigns import links, yourdata
from campaigns.models import Delivery, Signature
from tests.yourdata.conftest import EMAIL, FIRST_NAME


def _snapshot() -> list[tuple[object, ...]]:
    return list(
        Signature.objects.order_by("pk").values_list(
            "status", "identifiers", "email_index", "withdrawn_at"
        )
    )


def test_opening_the_link_changes_nothing(signed, client, link_for):
    path = link_for(EMAIL)
    before, deliveries = _snapshot(), Delivery.objects.count()

    response = client.get(path)

    assert response.status_code == 200
    assert b"Erase me from every campaign" in response.content
    assert FIRST_NAME.encode() not in response.content
    assert EMAIL.encode() not in response.content
    assert "no-store" in response["Cache-Control"]
    assert _snapshot() == before
    assert Delivery.objects.count() == deliveries


@pytest.mark.parametrize("suffix", ["", "download/", "erase/"])
@pytest.mark.parametrize("token", ["nonsense", "MQ:1tWx:abc", "a" * 300])
def test_a_forged_token_gets_a_clear_400_page(signed, client, token, suffix):
    path = f"/your-data/{token}/{suffix}"
    before = _snapshot()

    response = client.post(path) if suffix else client.get(path)

    assert response.status_code == 400
    assert b"This link does not work" in response.content
    assert _snapshot() == before


def test_a_link_older_than_two_days_is_refused(signed, client, monkeypatch):
    three_days_ago = int(time.time()) - 3 * 24 * 3600
    monkeypatch.setattr(
        signing.TimestampSigner,
        "timestamp",
        lambda self: signing.b62_encode(three_days_ago),
    )
    token = yourdata.make_token(signed[0].email_index)
    monkeypatch.undo()
    before = _snapshot()

    for response in (
        client.get(f"/your-data/{token}/"),
        client.post(f"/your-data/{token}/download/"),
        client.post(f"/your-data/{token}/erase/"),
    ):
        assert response.status_code == 400
    assert _snapshot() == before


def test_a_withdrawal_link_cannot_open_the_data_page(signed, client):
    token = links.make_token(signed[0], links.WITHDRAW)

    assert client.post(f"/your-data/{token}/erase/").status_code == 400
    assert Signature.objects.get(pk=signed[0].pk).identity is not None


def test_a_link_signed_with_another_key_is_refused(signed, client, settings):
    token = yourdata.make_token(signed[0].email_index)
    settings.SECRET_KEY = settings.SECRET_KEY[::-1]  # another site's key

    assert client.post(f"/your-data/{token}/download/").status_code == 400


def test_the_link_carries_the_blind_index_never_the_address(signed):
    token = yourdata.make_token(signed[0].email_index)

    assert signing.loads(token, salt=yourdata.LINK_SALT) == signed[0].email_index
    assert "zorabel" not in signing.b64_decode(token.split(":")[0].encode()).decode()


def test_download_and_erase_refuse_a_get(signed, client):
    token = yourdata.make_token(signed[0].email_index)

    assert client.get(f"/your-data/{token}/download/").status_code == 405
    assert client.get(f"/your-data/{token}/erase/").status_code == 405
    assert Signature.objects.get(pk=signed[0].pk).identity is not None
