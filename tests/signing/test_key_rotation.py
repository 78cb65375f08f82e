"""Key rotation: re-encrypts everything under the newest key, and can resume."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from campaigns import crypto
from campaigns.models import Signature
from campaigns.rotation import rotate_signatures
from campaigns.signing import Outcome, SignatureInput, signature_create
from tests.factories import PartnerFactory

OLD = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleTE="
NEW = "bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleTE="
PEOPLE = [(f"signer{n}@example.org", f"Nombre{n}", f"Apellido{n}") for n in range(7)]


def _sign(page, email, first, last):
    data = SignatureInput(email=email, first_name=first, last_name=last)
    return signature_create(page=page, data=data)


@pytest.fixture
def signed_under_old_key(page, settings):
    settings.UNDERSIGN_ENCRYPTION_KEYS = [OLD]
    for person in PEOPLE:
        _sign(page, *person)
    partner = PartnerFactory()
    partner.webhook_key = "whsec-partner-secret"
    partner.save()
    settings.UNDERSIGN_ENCRYPTION_KEYS = [NEW, OLD]
    return partner


def _under_new_key() -> int:
    return Signature.objects.filter(key_id=crypto.key_fingerprint()).count()


def test_an_interrupted_rotation_resumes_and_every_record_still_reads(
    page, signed_under_old_key, settings
):
    assert rotate_signatures(batch_size=3) == 3  # ...then the worker dies

    assert _under_new_key() == 3
    identities = {s.identity.email for s in Signature.objects.all()}
    assert identities == {email for email, _first, _last in PEOPLE}

    call_command("undersign_rotate_keys", batch=2, stdout=StringIO(), stderr=StringIO())

    assert _under_new_key() == len(PEOPLE)
    settings.UNDERSIGN_ENCRYPTION_KEYS = [NEW]  # the old key can now be destroyed
    names = {
        (s.identity.first_name, s.identity.last_name) for s in Signature.objects.all()
    }
    assert names == {(first, last) for _email, first, last in PEOPLE}
    signed_under_old_key.refresh_from_db()
    assert signed_under_old_key.webhook_key == "whsec-partner-secret"


def test_dedup_through_the_blind_index_survives_rotation(page, signed_under_old_key):
    call_command("undersign_rotate_keys", stdout=StringIO(), stderr=StringIO())

    again = _sign(page, " SIGNER3@example.org ", "Otro", "Nombre")

    assert again.outcome is Outcome.DUPLICATE
    assert Signature.objects.count() == len(PEOPLE)


def test_rotation_never_gives_a_withdrawn_signature_its_data_back(
    page, signed_under_old_key, monkeypatch
):
    rotate = crypto.rotate

    def rotate_while_the_signer_withdraws(token: str) -> str:
        # Between the rotation's read and its write, the signer withdraws.
        Signature.objects.filter(identifiers=token).update(identifiers="", key_id="")
        return rotate(token)

    monkeypatch.setattr(crypto, "rotate", rotate_while_the_signer_withdraws)

    rotate_signatures(batch_size=100)

    assert not Signature.objects.exclude(identifiers="").exists()
    assert all(s.identity is None for s in Signature.objects.all())


def test_rotation_without_the_old_key_stops_with_a_clear_error(
    page, signed_under_old_key, settings
):
    settings.UNDERSIGN_ENCRYPTION_KEYS = [NEW]

    with pytest.raises(CommandError, match="no longer configured"):
        call_command("undersign_rotate_keys", stdout=StringIO(), stderr=StringIO())
