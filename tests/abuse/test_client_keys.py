"""Client keys: keyed by the day's secret, stored encrypted, forgotten after a week."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime, timedelta

from django.core.management import call_command

from campaigns.models import ClientKeySecret, Signature
from campaigns.services import campaign_identity
from campaigns.throttling import client_key, forget_client_keys

DAY = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
ADDRESS = "198.51.100.9"


def test_a_key_is_stable_within_a_day_and_differs_between_days(db):
    morning = client_key(ADDRESS, DAY.replace(hour=0, minute=1))
    evening = client_key(ADDRESS, DAY.replace(hour=23, minute=59))
    next_day = client_key(ADDRESS, DAY + timedelta(days=1))

    assert morning == evening
    assert next_day != morning
    assert len(morning) == 64
    assert ClientKeySecret.objects.count() == 2


def test_different_addresses_get_different_keys(db):
    assert client_key(ADDRESS, DAY) != client_key("198.51.100.10", DAY)


def test_the_key_reveals_nothing_of_the_address(db):
    key = client_key(ADDRESS, DAY)

    # Not the address, and not a hash anyone can compute from a guessed address:
    # only the day's secret links the two. (A digest may contain "198" by chance.)
    assert ADDRESS not in key
    guessable = {
        hashlib.new(name, ADDRESS.encode()).hexdigest() for name in ("sha256", "md5")
    }
    assert key not in guessable


def test_the_days_secret_is_stored_encrypted(db):
    client_key(ADDRESS, DAY)

    stored = ClientKeySecret.objects.get()
    # Fernet tokens: a dump alone cannot rebuild keys from guessed addresses.
    assert stored.secret.startswith("gAAAA")
    assert stored.day == DAY.date()


def test_a_lost_race_for_the_days_secret_uses_the_winners(db, monkeypatch):
    # Another request stores the secret between our read and our insert.
    winner = client_key(ADDRESS, DAY)
    real_filter = ClientKeySecret.objects.filter
    calls = []

    def empty_first_read(**kwargs):
        calls.append(kwargs)
        if len(calls) == 1:
            return ClientKeySecret.objects.none()
        return real_filter(**kwargs)

    monkeypatch.setattr(ClientKeySecret.objects, "filter", empty_first_read)

    assert client_key(ADDRESS, DAY) == winner
    assert ClientKeySecret.objects.count() == 1


def _signed_at(page, when: datetime, key: str) -> Signature:
    signature = Signature.objects.create(
        campaign=campaign_identity(page),
        language="en",
        status=Signature.Status.CONFIRMED,
        client_key=key,
    )
    Signature.objects.filter(pk=signature.pk).update(created_at=when)
    return signature


def test_after_seven_days_secrets_and_stored_keys_are_gone(page, settings):
    settings.UNDERSIGN_CLIENT_KEY_DAYS = 7
    old_key = client_key(ADDRESS, DAY)
    old = _signed_at(page, DAY, old_key)
    recent = _signed_at(page, DAY + timedelta(days=6), "recent-key")

    unlinked = forget_client_keys(now=DAY + timedelta(days=8))

    assert unlinked == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.client_key == ""
    assert recent.client_key == "recent-key"
    assert not ClientKeySecret.objects.filter(day=DAY.date()).exists()
    # The day's key can never be made again: a new secret would give another.
    assert client_key(ADDRESS, DAY) != old_key


def test_keys_within_the_week_are_kept(page, settings):
    settings.UNDERSIGN_CLIENT_KEY_DAYS = 7
    key = client_key(ADDRESS, DAY)
    kept = _signed_at(page, DAY, key)

    assert forget_client_keys(now=DAY + timedelta(days=6)) == 0
    kept.refresh_from_db()
    assert kept.client_key == key
    assert ClientKeySecret.objects.filter(day=DAY.date()).exists()


def test_the_periodic_command_forgets_old_keys(page):
    long_ago = datetime.now(UTC) - timedelta(days=30)
    client_key(ADDRESS, long_ago)
    old = _signed_at(page, long_ago, "old-key")
    out = io.StringIO()

    call_command("undersign_worker", "--once", stdout=out)

    assert "forget_client_keys: 1" in out.getvalue()
    old.refresh_from_db()
    assert old.client_key == ""
    assert not ClientKeySecret.objects.filter(day=long_ago.date()).exists()
