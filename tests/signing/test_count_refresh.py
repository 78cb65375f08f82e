"""The public count is recomputed behind readers, who never wait for it."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import CampaignPage
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from tests.api.test_cached_once import _eventually
from tests.signing.test_counting import _existing

# The refresh thread reads with its own connection: what it counts is committed.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_tree_after_module"),
]


def test_a_reader_gets_the_count_at_once_and_the_new_one_soon_after(
    page: CampaignPage, settings, monkeypatch
):
    settings.UNDERSIGN_COUNT_STALENESS = 6  # the count is kept 2 s, due at 1.5 s
    settings.UNDERSIGN_REFRESH_BEHIND = True
    campaign = campaign_identity(page)
    started = time.time()
    assert signature_count(campaign) == 0
    _existing(page, 3)
    monkeypatch.setattr(time, "time", lambda: started + 1.6)

    with CaptureQueriesContext(connection) as reader:
        assert signature_count(campaign) == 0

    assert reader.captured_queries == []
    assert _eventually(lambda: signature_count(campaign), 3) == 3
