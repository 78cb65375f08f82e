"""Export fixtures: two campaigns, and clients allowed on one, none, or all."""

from __future__ import annotations

import pytest
from django.test import Client

from campaigns.models import Campaign, CampaignPage
from tests.exports.users import VIEW_SIGNERS, organizer, superuser
from tests.factories import campaign_page


@pytest.fixture
def page_b(db) -> CampaignPage:
    """A second campaign, of another coalition member."""
    return campaign_page(title="Fund the libraries", slug="fund-the-libraries")


@pytest.fixture
def campaign(page) -> Campaign:
    return Campaign.objects.get(translation_key=page.translation_key)


@pytest.fixture
def campaign_b(page_b) -> Campaign:
    return Campaign.objects.get(translation_key=page_b.translation_key)


@pytest.fixture
def client_a(page) -> Client:
    """May see the signers of `page`'s campaign only."""
    return organizer("alice", page, VIEW_SIGNERS)


@pytest.fixture
def client_none(page) -> Client:
    """An admin user with no signer permission anywhere."""
    return organizer("nobody")


@pytest.fixture
def client_root(db) -> Client:
    return superuser()
