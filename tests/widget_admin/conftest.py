"""Fixtures for the Embed tab: a hosted campaign with two partners, a fixed release."""

from __future__ import annotations

import pytest

from campaigns.models import CampaignPage, Partner
from tests.factories import PartnerFactory, link_partner
from tests.pages.conftest import serve_as_home
from widget.releases import release_current


@pytest.fixture
def release(settings, tmp_path) -> str:
    """A stand-in current script released once; return its SRI value."""
    script = tmp_path / "undersign.js"
    script.write_text('console.log("[undersign] admin test");\n')
    settings.UNDERSIGN_WIDGET_SCRIPT = script
    settings.UNDERSIGN_WIDGET_RELEASES = tmp_path / "releases"
    return release_current()


@pytest.fixture
def two_partners(page) -> tuple[Partner, Partner]:
    """Two partners on the shared campaign; the second tries the embed in test mode."""
    first = PartnerFactory(name="Make the Road", slug="make-the-road")
    second = PartnerFactory(name="Tenants Together", slug="tenants", is_test_mode=True)
    link_partner(page, first)
    link_partner(page, second)
    return first, second


@pytest.fixture
def hosted(page) -> CampaignPage:
    """The shared campaign served at `/en/`, so it has a hosted page."""
    return serve_as_home(page)
