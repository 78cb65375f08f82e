"""A copy of the database after signing holds no readable email or name."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.db import connection

from campaigns.models import Signature
from campaigns.signing import SignatureInput, signature_create

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
    out = io.StringIO()

    call_command("dumpdata", stdout=out)

    _assert_unreadable(out.getvalue())


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_tree_after_module")
@pytest.mark.skipif(
    connection.vendor != "postgresql" or shutil.which("pg_dump") is None,
    reason="needs PostgreSQL and pg_dump",
)
def test_pg_dump_after_signing_holds_no_readable_identifier(wagtail_tree, page):
    _sign(page)
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}

    dump = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [
            str(shutil.which("pg_dump")),
            "--data-only",
            "-h",
            str(db["HOST"] or "localhost"),
            "-p",
            str(db["PORT"] or 5432),
            "-U",
            str(db["USER"]),
            str(db["NAME"]),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    ).stdout

    _assert_unreadable(dump)
