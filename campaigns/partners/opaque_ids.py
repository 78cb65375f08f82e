"""The ids a partner sees for its signers: opaque, stable, different per partner.

An id is one AES block holding a marker, the kind of record, the partner's row id
and the signature's row id, enciphered under a key derived from the blind index
key. It looks random, reveals no count or order, cannot be compared across
partners, and only this site can turn it back into a row (for `people/{id}`).
One block under a fixed key is a keyed permutation: ECB is the right mode for it.
"""

from __future__ import annotations

import uuid

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from campaigns.crypto import keyed_hash
from campaigns.models import Partner, Signature

MARKER = b"us1"
SIGNATURE = 1
PERSON = 2
SYSTEM = "undersign"


def _cipher() -> Cipher[modes.ECB]:
    key = bytes.fromhex(keyed_hash("partner-record-ids", "opaque-ids"))
    return Cipher(algorithms.AES(key), modes.ECB())  # noqa: S305 - one block, see above


def opaque_id(kind: int, partner_id: int, row_id: int) -> str:
    """Return the opaque id of row `row_id` of `kind`, as `partner_id` sees it."""
    block = MARKER + bytes([kind]) + partner_id.to_bytes(4) + row_id.to_bytes(8)
    encryptor = _cipher().encryptor()
    return str(uuid.UUID(bytes=encryptor.update(block) + encryptor.finalize()))


def row_id(kind: int, partner_id: int, value: str) -> int | None:
    """Return the row id behind `value`, or `None` unless it is `partner_id`'s."""
    try:
        raw = uuid.UUID(value).bytes
    except ValueError:
        return None
    decryptor = _cipher().decryptor()
    block = decryptor.update(raw) + decryptor.finalize()
    if block[:4] != MARKER + bytes([kind]) or block[4:8] != partner_id.to_bytes(4):
        return None
    return int.from_bytes(block[8:])


def signature_id(signature: Signature, partner: Partner) -> str:
    """Return the id of `signature`'s record as `partner` sees it."""
    return opaque_id(SIGNATURE, partner.pk, signature.pk)


def person_id(signature: Signature, partner: Partner) -> str:
    """Return the id of the person who made `signature`, as `partner` sees it."""
    return opaque_id(PERSON, partner.pk, signature.pk)


def identifier(value: str) -> str:
    """Return an OSDI identifier, `system:id`, of one of our ids."""
    return f"{SYSTEM}:{value}"
