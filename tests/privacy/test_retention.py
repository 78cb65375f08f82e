"""Retention: after a campaign's date, its signers' details go; the count stays."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from campaigns.models import Signature, SignatureConsent
from campaigns.periodic import JOBS
from campaigns.retention import anonymize_expired
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from campaigns.signing import Outcome
from tests.factories import campaign_page

pytestmark = pytest.mark.django_db


def _held(page):
    return Signature.objects.filter(campaign=campaign_identity(page))


def test_expired_campaigns_signatures_lose_every_identifier(expired, sign):
    sign(expired, "ana@example.org", postal_code="11373", idempotency_key="k-1")

    assert anonymize_expired() == 1

    row = _held(expired).get()
    assert row.status == Signature.Status.ANONYMIZED
    assert row.identity is None
    assert (row.identifiers, row.key_id, row.email_index) == ("", "", "")
    assert (row.client_key, row.idempotency_key, row.request_digest) == ("", "", "")
    assert row.postal_code == "11373"
    assert row.email_domain == "example.org"


def test_campaign_before_its_date_is_untouched(expired, page, sign):
    sign(expired, "ana@example.org")
    sign(page, "ana@example.org")

    anonymize_expired()

    kept = _held(page).get()
    assert kept.status == Signature.Status.CONFIRMED
    assert kept.identity.email == "ana@example.org"
    assert kept.client_key == "client-key-digest"


def test_campaign_on_its_date_is_kept_until_the_day_ends(sign):
    today = campaign_page(
        title="Today", slug="today", keep_data_until=timezone.localdate()
    )
    sign(today, "ana@example.org")

    assert anonymize_expired() == 0
    assert _held(today).get().identity is not None


def test_count_and_consents_survive_anonymization(expired, sign):
    sign(expired, "ana@example.org", consents=["organizer"])
    sign(expired, "ben@example.org")
    campaign = campaign_identity(expired)
    consents = SignatureConsent.objects.count()

    anonymize_expired()

    assert signature_count(campaign) == 2
    assert SignatureConsent.objects.count() == consents


def test_unconfirmed_signature_expires_and_never_counts(sign):
    pending = campaign_page(
        title="Pending",
        slug="pending",
        double_opt_in=True,
        keep_data_until=timezone.localdate() - timedelta(days=3),
    )
    sign(pending, "ana@example.org")

    anonymize_expired()

    row = _held(pending).get()
    assert row.status == Signature.Status.EXPIRED
    assert row.identity is None
    assert signature_count(campaign_identity(pending)) == 0


def test_earliest_date_across_translations_decides(page, sign):
    # A later date on one translation does not extend what another promised.
    spanish = page.copy_for_translation(Locale.objects.create(language_code="es"))
    spanish.keep_data_until = timezone.localdate() - timedelta(days=1)
    spanish.save_revision().publish()
    sign(page, "ana@example.org")

    assert anonymize_expired() == 1
    assert _held(page).get().status == Signature.Status.ANONYMIZED


def test_dry_run_changes_nothing(expired, sign):
    sign(expired, "ana@example.org")

    assert anonymize_expired(dry_run=True) == 1

    assert _held(expired).get().identity.email == "ana@example.org"


def test_second_run_finds_nothing_left(expired, sign):
    sign(expired, "ana@example.org")
    anonymize_expired()

    assert anonymize_expired() == 0


def test_anonymized_signer_can_sign_again(expired, sign):
    sign(expired, "ana@example.org")
    anonymize_expired()

    again = sign(expired, "ana@example.org")

    assert again.outcome is Outcome.NEW
    assert signature_count(campaign_identity(expired)) == 2


def test_leftover_keys_of_withdrawn_signature_are_cleared(expired, sign):
    sign(expired, "ana@example.org", idempotency_key="k-2")
    _held(expired).update(
        status=Signature.Status.WITHDRAWN, identifiers="", key_id="", email_index=""
    )

    assert anonymize_expired() == 1

    row = _held(expired).get()
    assert row.status == Signature.Status.WITHDRAWN
    assert (row.client_key, row.idempotency_key) == ("", "")


def test_periodic_jobs_include_retention(expired, sign):
    sign(expired, "ana@example.org")

    JOBS["retention"]()

    assert _held(expired).get().status == Signature.Status.ANONYMIZED


def test_command_dry_run_reports_and_changes_nothing(expired, sign):
    sign(expired, "ana@example.org")
    out = io.StringIO()

    call_command("undersign_retention", "--dry-run", stdout=out, stderr=io.StringIO())

    assert "Would anonymize 1 signatures." in out.getvalue()
    assert _held(expired).get().identity is not None


def test_command_anonymizes_in_batches(expired, sign):
    for n in range(5):
        sign(expired, f"signer{n}@example.org")
    out = io.StringIO()

    call_command(
        "undersign_retention", "--batch", "2", stdout=out, stderr=io.StringIO()
    )

    assert "Anonymized 5 signatures." in out.getvalue()
    assert not _held(expired).exclude(status=Signature.Status.ANONYMIZED).exists()


def test_command_refuses_an_empty_batch():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("undersign_retention", "--batch", "0")
