"""Only a live, published, open campaign takes signatures; others store nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from campaigns.models import CampaignPage, Delivery, Signature
from campaigns.selectors import campaign_page_for_key
from campaigns.services import campaign_identity
from campaigns.signing import CampaignNotAccepting, SignatureInput, signature_create
from tests.factories import campaign_page

DATA = SignatureInput(email="ana@example.com", first_name="Ana", last_name="Díaz")


def _refused(page: CampaignPage) -> str:
    with pytest.raises(CampaignNotAccepting) as refused:
        signature_create(page=page, data=DATA)
    assert not Signature.objects.exists()
    assert not Delivery.objects.exists()
    return refused.value.reason


def test_a_draft_campaign_is_not_found_by_its_key(db):
    draft = campaign_page(publish=False)

    assert campaign_page_for_key(campaign_identity(draft).public_key) is None
    assert campaign_page_for_key(draft.slug) is None


def test_a_draft_campaign_refuses_signatures(db):
    draft = campaign_page(publish=False)

    assert "not published" in _refused(draft)


def test_an_unpublished_campaign_is_gone_and_refuses_signatures(page):
    key = campaign_identity(page).public_key
    page.unpublish()

    assert campaign_page_for_key(key) is None
    assert _refused(page)


@pytest.mark.parametrize(
    ("state", "words"),
    [
        (CampaignPage.State.CLOSED, "closed"),
        (CampaignPage.State.WON, "won"),
        (CampaignPage.State.DELIVERED, "delivered"),
    ],
)
def test_a_campaign_no_longer_open_refuses_with_its_reason(db, state, words):
    assert words in _refused(campaign_page(state=state))


def test_a_campaign_not_yet_open_refuses(db):
    page = campaign_page(opens_at=timezone.now() + timedelta(hours=1))

    assert "not open" in _refused(page)


def test_a_campaign_past_its_closing_time_refuses(db):
    page = campaign_page(closes_at=timezone.now() - timedelta(seconds=1))

    assert "closed" in _refused(page)


def test_a_campaign_within_its_open_window_accepts(db):
    now = timezone.now()
    page = campaign_page(
        opens_at=now - timedelta(hours=1), closes_at=now + timedelta(hours=1)
    )

    signature_create(page=page, data=DATA)

    assert Signature.objects.count() == 1
