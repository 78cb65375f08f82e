"""Fixtures for the hosted page: the campaign served as the default site's home."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from wagtail.models import Site

from campaigns.models import CampaignPage


def serve_as_home(page: CampaignPage) -> CampaignPage:
    """Make `page` the default site's root, so it has a URL (`/en/`)."""
    site = Site.objects.get(is_default_site=True)
    site.root_page = page
    site.save()
    return page


@pytest.fixture
def hosted(page) -> CampaignPage:
    """The shared open campaign, reachable at its URL."""
    return serve_as_home(page)


@pytest.fixture
def seeded(db) -> CampaignPage:
    """The demo campaign as `undersign_seed_demo` leaves it."""
    call_command("undersign_seed_demo", partner_port=8001)
    return CampaignPage.objects.get(slug="ice-free-nyc")


@pytest.fixture
def sign(client) -> Callable[..., HttpResponse]:
    """POST the sign form to `url` as a browser without JavaScript would."""

    def post(url: str, **fields: object) -> HttpResponse:
        data = {"email": "ana@example.org", "first_name": "Ana", "last_name": "Ruiz"}
        data.update(fields)
        return client.post(url, {k: v for k, v in data.items() if v is not None})

    return post
