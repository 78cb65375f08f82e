"""Public requests cost few queries, touch no shared row, and stay correct when
cached: what a published page says, and the count, are never older than allowed.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import CampaignPage, Signature
from tests.api.conftest import VALID
from tests.factories import campaign_page

ORIGIN = "https://partner.example"
# Idempotency check, signature, consents, outbox, and the savepoint around them.
# The campaign, its partners and the day's client-key secret are held in memory.
SIGNING_QUERIES = 6


def _body(n: int) -> dict[str, object]:
    return {
        **VALID,
        "email": f"signer-{n}@example.org",
        "partner": "make-the-road",
        "consents": ["organizer", "partner:make-the-road", "display"],
        "idempotency_key": f"key-{n}",
    }


@pytest.fixture(autouse=True)
def _cached(settings) -> None:
    """A window to cache in: published pages, and with local memory, count too."""
    settings.UNDERSIGN_COUNT_STALENESS = 5


@pytest.fixture
def shown_page(page: CampaignPage, partner) -> CampaignPage:
    page.show_recent_signers = True
    page.save_revision().publish()
    return page


def test_a_signing_through_a_partner_takes_few_queries(
    sign, shown_page, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    # The first signing commits (the test's transaction never does), which lets
    # the cache remember the consent versions it stored.
    with django_capture_on_commit_callbacks(execute=True):
        sign(shown_page.slug, _body(0), Origin=ORIGIN)

    with django_assert_max_num_queries(SIGNING_QUERIES):
        reply = sign(shown_page.slug, _body(1), Origin=ORIGIN)

    assert reply.status_code == 202
    assert reply["Access-Control-Allow-Origin"] == ORIGIN


def test_signing_costs_the_same_queries_and_updates_no_row_however_many_signed(
    sign, shown_page
):
    sign(shown_page.slug, _body(0), Origin=ORIGIN)
    with CaptureQueriesContext(connection) as early:
        sign(shown_page.slug, _body(1), Origin=ORIGIN)
    for n in range(2, 30):
        sign(shown_page.slug, _body(n), Origin=ORIGIN)

    with CaptureQueriesContext(connection) as late:
        sign(shown_page.slug, _body(30), Origin=ORIGIN)

    assert len(late.captured_queries) == len(early.captured_queries)
    # No counter row that every signing would queue on.
    assert not [q for q in late.captured_queries if q["sql"].startswith("UPDATE")]
    assert Signature.objects.count() == 31


@pytest.mark.parametrize("path", ["/stats/", "/"])
def test_a_repeated_public_read_within_the_staleness_window_queries_nothing(
    api_client, shown_page, django_assert_num_queries, path
):
    url = f"/api/v1/campaigns/{shown_page.slug}{path}"
    first = api_client.get(url)

    with django_assert_num_queries(0):
        again = api_client.get(url)

    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_a_cached_read_of_another_language_or_partner_is_its_own(
    api_client, shown_page
):
    url = f"/api/v1/campaigns/{shown_page.slug}/"
    plain = api_client.get(url).json()

    with_partner = api_client.get(f"{url}?partner=make-the-road").json()

    keys = {consent["key"] for consent in with_partner["consents"]}
    assert "partner:make-the-road" in keys
    assert "partner:make-the-road" not in {c["key"] for c in plain["consents"]}


def test_an_unknown_campaign_stays_a_404_when_reads_are_cached(api_client, db):

    for _ in range(2):
        assert api_client.get("/api/v1/campaigns/nope/stats/").status_code == 404


def test_signing_an_unpublished_campaign_is_refused_although_it_was_cached(
    sign, shown_page
):
    assert sign(shown_page.slug, _body(0), Origin=ORIGIN).status_code == 202

    shown_page.unpublish()
    reply = sign(shown_page.slug, _body(1), Origin=ORIGIN)

    assert reply.status_code == 404
    assert Signature.objects.count() == 1


def test_a_closed_campaign_refuses_signing_at_once_after_publishing(sign, shown_page):
    sign(shown_page.slug, _body(0), Origin=ORIGIN)

    shown_page.state = CampaignPage.State.CLOSED
    shown_page.save_revision().publish()
    reply = sign(shown_page.slug, _body(1), Origin=ORIGIN)

    assert reply.status_code == 409


def test_a_partner_origin_removed_is_refused_at_once(sign, shown_page, partner):
    sign(shown_page.slug, _body(0), Origin=ORIGIN)

    partner.allowed_origins = "https://elsewhere.example"
    partner.save()
    reply = sign(shown_page.slug, _body(1), Origin=ORIGIN)

    assert "Access-Control-Allow-Origin" not in reply


def test_a_new_campaign_is_found_after_its_key_was_asked_for(sign, db):
    assert sign("later", VALID).status_code == 404

    campaign_page(slug="later", title="Later")

    assert sign("later", VALID).status_code == 202
