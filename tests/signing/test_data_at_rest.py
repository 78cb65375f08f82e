"""A copy of the database after signing holds no readable email or name."""

from __future__ import annotations

import pytest

from campaigns.models import Signature
from campaigns.signing import SignatureInput, signature_create
from tests.dumps import dumpdata, needs_pg_dump, pg_dump

SIGNER = {
    "email": "Zuleika.Quartermaine@Example.org",
    "first_name": "Zuleika",
    "last_name": "Quartermaine",
}


def _sign(page) -> None:
    signature_create(
        page=page,
        data=SignatureInput(**SIGNER, consents=["organizer", "display"]),
    )
    assert Signature.objects.get().identity.email == SIGNER["email"].lower()


def _assert_unreadable(dump: str) -> None:
    stored = Signature.objects.get()
    assert stored.identifiers in dump  # the dump really holds the signature
    for value in SIGNER.values():
        assert value not in dump
        assert value.lower() not in dump


def test_dumpdata_after_signing_holds_no_readable_identifier(page):
    _sign(page)
    dump = dumpdata()

    _assert_unreadable(dump)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_tree_after_module")
@needs_pg_dump
def test_pg_dump_after_signing_holds_no_readable_identifier(wagtail_tree, page):
    _sign(page)
    dump = pg_dump()

    _assert_unreadable(dump)
