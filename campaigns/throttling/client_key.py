"""Client keys: a keyed hash of the client's address under the day's secret.

The secret of each day is created on first use, stored encrypted (a database dump
alone cannot try every IPv4 address against it) and destroyed after
`UNDERSIGN_CLIENT_KEY_DAYS`, when the keys stored on signatures are blanked too:
from then on a key links to nothing.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from datetime import UTC, date, datetime, timedelta

from django.http import HttpRequest
from django.utils import timezone

from campaigns import crypto
from campaigns.conf import conf
from campaigns.models import ClientKeySecret, Signature
from campaigns.throttling.address import client_address


def _day(now: datetime | None) -> date:
    return (now or timezone.now()).astimezone(UTC).date()


@functools.lru_cache(maxsize=2)
def _secret(day: date) -> bytes:
    """Return the secret of `day`, creating it once even under concurrent requests.

    Remembered by the process (today's, and yesterday's around midnight), so a
    signing pays neither the query nor the decryption; never put in the shared
    cache, where a dump would expose it.
    """
    row = ClientKeySecret.objects.filter(day=day).first()
    if row is None:
        fresh = crypto.fernet().encrypt(secrets.token_bytes(32)).decode()
        # get_or_create re-reads after losing the race to another request.
        row, _created = ClientKeySecret.objects.get_or_create(
            day=day, defaults={"secret": fresh}
        )
    return crypto.fernet().decrypt(row.secret.encode())


def forget_remembered_secrets() -> None:
    """Drop the secrets this process remembers; the next use reads the database."""
    _secret.cache_clear()


def client_key(address: str, now: datetime | None = None) -> str:
    """Return the client key of `address` on the (UTC) day of `now`."""
    digest = hmac.new(_secret(_day(now)), address.encode(), hashlib.sha256)
    return digest.hexdigest()


def request_client_key(request: HttpRequest) -> str:
    """Return the client key of whoever sent `request`, today."""
    return client_key(client_address(request))


def forget_client_keys(now: datetime | None = None) -> int:
    """Destroy the secrets and stored keys past the retention days; return how many
    signatures were unlinked."""
    cutoff = (now or timezone.now()) - timedelta(days=conf.CLIENT_KEY_DAYS)
    ClientKeySecret.objects.filter(day__lt=_day(cutoff)).delete()
    forget_remembered_secrets()
    return (
        Signature.objects.filter(created_at__lt=cutoff)
        .exclude(client_key="")
        .update(client_key="")
    )
