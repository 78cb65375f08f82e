"""Fixtures for the silent defences: rates turned on, signing from a chosen address."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.http import HttpResponse
from rest_framework.test import APIClient

from campaigns.models import CampaignPage
from campaigns.services import campaign_identity
from campaigns.signing.screening import issue_form_token
from tests.pages.conftest import serve_as_home

OFF = dict.fromkeys(
    ["client_burst", "client_sustained", "campaign_burst", "campaign_sustained"]
)
SIGNER = {"first_name": "Ana", "last_name": "Ruiz"}
FILL_SECONDS = 3


def rates(settings, **limits: str) -> None:
    """Turn on exactly the throttle limits given (e.g. `client_burst="2/minute"`)."""
    settings.UNDERSIGN_THROTTLE_RATES = {**OFF, **limits}


def old_token(page: CampaignPage, seconds: float = 60) -> str:
    """Return a genuine form token for `page` issued `seconds` ago."""
    key = campaign_identity(page).public_key
    return issue_form_token(key, now=time.time() - seconds)


@pytest.fixture
def defences(settings) -> None:
    """Honeypot and a minimum fill time on; throttling still off until a test says."""
    settings.UNDERSIGN_HONEYPOT = True
    settings.UNDERSIGN_MIN_FILL_SECONDS = FILL_SECONDS


@pytest.fixture
def hosted(page) -> CampaignPage:
    """The shared open campaign, with its hosted page at `/en/`."""
    return serve_as_home(page)


@pytest.fixture
def api_sign(api_client: APIClient) -> Callable[..., Any]:
    """POST a JSON signing for `page` from the client address `ip`."""

    def post(page: CampaignPage, ip: str = "203.0.113.7", **body: object) -> Any:
        return api_client.post(
            f"/api/v1/campaigns/{page.slug}/signatures/",
            data=json.dumps({**SIGNER, **body}),
            content_type="application/json",
            REMOTE_ADDR=ip,
        )

    return post


@pytest.fixture
def form_sign(client) -> Callable[..., HttpResponse]:
    """POST a no-JavaScript form to `url` from `ip`, as our own page would."""

    def post(url: str, ip: str = "203.0.113.7", **fields: object) -> HttpResponse:
        data = {key: value for key, value in {**SIGNER, **fields}.items() if value}
        return client.post(
            url, data, REMOTE_ADDR=ip, headers={"Origin": "http://testserver"}
        )

    return post
