"""Dashboard fixtures: a second campaign, and people with different rights on A."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from campaigns.models import CampaignPage
from tests.dashboard.people import EDITOR, SIGNER_VIEWER, admin_user, client_for
from tests.factories import campaign_page


@pytest.fixture
def other_page(page) -> CampaignPage:
    """Campaign B, beside `page` (campaign A)."""
    return campaign_page(title="Fund the libraries", slug="fund-the-libraries")


@pytest.fixture
def editor(page) -> Client:
    """May edit and publish campaign A's page, nothing about its signers."""
    return client_for(admin_user("editor", page, EDITOR))


@pytest.fixture
def signer_viewer(page) -> Client:
    """May see campaign A's signers, not edit its page."""
    return client_for(admin_user("viewer", page, SIGNER_VIEWER))


@pytest.fixture
def nobody(db) -> Client:
    """Has admin access and no rights on any campaign."""
    return client_for(admin_user("nobody"))


@pytest.fixture
def superuser(db) -> Client:
    user = get_user_model().objects.create_superuser(username="root")
    return client_for(user)
