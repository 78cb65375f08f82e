"""Encryption of signer identifiers and the keyed blind index of their email."""

from __future__ import annotations

import hashlib
import hmac
import json
import unicodedata
from functools import cache

from cryptography.fernet import Fernet, MultiFernet

from campaigns.conf import conf


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def fernet() -> MultiFernet:
    """Return the cipher for the configured keys: the first encrypts, all decrypt."""
    return _fernet(tuple(conf.ENCRYPTION_KEYS))


def key_fingerprint() -> str:
    """Return a short, non-secret name for the newest key (finds rows to rotate)."""
    newest = conf.ENCRYPTION_KEYS[0].encode()
    return hashlib.sha256(newest).hexdigest()[:8]


def encrypt_json(data: dict[str, object]) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return fernet().encrypt(payload).decode()


def decrypt_json(token: str) -> dict[str, object]:
    result: dict[str, object] = json.loads(fernet().decrypt(token.encode()))
    return result


def rotate(token: str) -> str:
    """Return the token re-encrypted under the newest key."""
    return fernet().rotate(token.encode()).decode()


def normalize_email(email: str) -> str:
    """Return the email as compared for one-signature-per-campaign.

    Surrounding space is trimmed, the text is NFC-normalized, and the whole
    address is lowercased: mailbox providers treat local parts case-insensitively
    in practice, and a signer typing a capital letter must not sign twice.
    """
    return unicodedata.normalize("NFC", email.strip()).lower()


def keyed_hash(value: str, purpose: str) -> str:
    """Return an HMAC-SHA256 of `value` under the blind index key, per purpose."""
    key = f"{purpose}:{conf.BLIND_INDEX_KEY}".encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def email_index(email: str) -> str:
    """Return the blind index of a normalized email."""
    return keyed_hash(normalize_email(email), "email")
