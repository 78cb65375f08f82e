"""`undersign_worker` expires unconfirmed signatures and drops their identifiers."""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from campaigns.crypto import email_index
from campaigns.models import Signature
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from campaigns.signing import SignatureInput, signature_create
from tests.factories import campaign_page


def _sign(page, email: str, days_ago: int) -> Signature:
    data = SignatureInput(email=email, first_name="Ana", last_name="Díaz")
    signature_create(page=page, data=data)
    signature = Signature.objects.get(email_index=email_index(email))
    Signature.objects.filter(pk=signature.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return signature


def test_pending_signatures_past_the_window_expire_without_identifiers(db, settings):
    settings.UNDERSIGN_CONFIRMATION_DAYS = 7
    page = campaign_page(double_opt_in=True)
    stale = _sign(page, "old@example.com", days_ago=8)
    fresh = _sign(page, "new@example.com", days_ago=6)
    out = io.StringIO()

    call_command("undersign_worker", "--once", stdout=out)

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert "expire_unconfirmed: 1" in out.getvalue()
    assert stale.status == Signature.Status.EXPIRED
    assert stale.identity is None
    assert (stale.identifiers, stale.email_index, stale.key_id) == ("", "", "")
    assert fresh.status == Signature.Status.PENDING
    assert fresh.identity.email == "new@example.com"
    assert signature_count(campaign_identity(page)) == 0


def test_an_expired_signer_may_sign_again(db, settings):
    settings.UNDERSIGN_CONFIRMATION_DAYS = 7
    page = campaign_page(double_opt_in=True)
    _sign(page, "old@example.com", days_ago=8)
    call_command("undersign_worker", "--once", stdout=io.StringIO())

    _sign(page, "old@example.com", days_ago=0)

    assert Signature.objects.filter(status=Signature.Status.PENDING).count() == 1


def test_confirmed_signatures_never_expire(page, settings):
    settings.UNDERSIGN_CONFIRMATION_DAYS = 7
    signature = _sign(page, "ana@example.com", days_ago=30)

    call_command("undersign_worker", "--once", stdout=io.StringIO())

    signature.refresh_from_db()
    assert signature.status == Signature.Status.CONFIRMED
    assert signature_count(campaign_identity(page)) == 1
