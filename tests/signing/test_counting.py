"""Signing never updates a shared row, and costs the same on any campaign size."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns.models import CampaignPage, Signature
from campaigns.models.signature import SignerIdentity
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from campaigns.signing import SignatureInput, signature_create
from tests.factories import campaign_page


def _existing(page: CampaignPage, how_many: int) -> None:
    campaign = campaign_identity(page)
    now = timezone.now()
    signatures = []
    for number in range(how_many):
        signature = Signature(
            campaign=campaign,
            language="en",
            status=Signature.Status.CONFIRMED,
            confirmed_at=now,
        )
        signature.identity = SignerIdentity(email=f"signer{number}@example.com")
        signatures.append(signature)
    Signature.objects.bulk_create(signatures)


def _signing_queries(page: CampaignPage) -> list[str]:
    data = SignatureInput(
        email="new@example.com",
        first_name="Ana",
        last_name="Díaz",
        consents=["organizer"],
    )
    with CaptureQueriesContext(connection) as captured:
        signature_create(page=page, data=data)
    return [query["sql"] for query in captured.captured_queries]


def test_signing_updates_no_row(page):
    _existing(page, 1)

    queries = _signing_queries(page)

    assert queries
    assert not [sql for sql in queries if sql.lstrip().upper().startswith("UPDATE")]


def test_signing_costs_the_same_queries_on_a_small_and_a_large_campaign(db):
    small = campaign_page(slug="small", title="Small")
    large = campaign_page(slug="large", title="Large")
    _existing(small, 1)
    _existing(large, 200)
    _signing_queries(campaign_page(slug="warm-up", title="Warm up"))

    assert len(_signing_queries(small)) == len(_signing_queries(large))


def test_a_signing_is_counted_at_once_when_staleness_is_zero(page):
    _existing(page, 200)

    _signing_queries(page)

    assert signature_count(campaign_identity(page)) == 201


def test_the_count_is_served_from_cache_within_its_staleness(page, settings):
    settings.UNDERSIGN_COUNT_STALENESS = 30
    campaign = campaign_identity(page)
    assert signature_count(campaign) == 0

    _signing_queries(page)

    assert signature_count(campaign) == 0
