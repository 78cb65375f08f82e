"""Shared fixtures: a published campaign, partners, clients, a clean cache."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from campaigns.models import CampaignPage, Partner
from tests.factories import PartnerFactory, campaign_page, link_partner


@pytest.fixture(autouse=True)
def _isolated_cache(settings) -> Iterator[None]:
    """Counts and throttles never leak between tests; counts are read fresh."""
    settings.UNDERSIGN_COUNT_STALENESS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page(db) -> CampaignPage:
    """A published, open campaign asking first and last name, postal code optional."""
    return campaign_page()


@pytest.fixture
def partner(db, page) -> Partner:
    """A partner linked to `page`, allowed to embed from https://partner.example."""
    partner = PartnerFactory(name="Make the Road", slug="make-the-road")
    link_partner(page, partner)
    return partner


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()
