"""Fixtures for the widget's server side: embed posts, a stand-in script."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.http import HttpResponse

from campaigns.models import CampaignPage
from campaigns.services import campaign_identity
from campaigns.signing.screening import issue_form_token
from tests.pages.conftest import serve_as_home

OWN_ORIGIN = "http://testserver"
SIGNER = {"email": "ana@example.org", "first_name": "Ana", "last_name": "Ruiz"}


@pytest.fixture
def hosted(page) -> CampaignPage:
    """The shared open campaign, with its hosted page at `/en/`."""
    return serve_as_home(page)


@pytest.fixture
def embed_post(client) -> Callable[..., HttpResponse]:
    """POST the embed form of `page` the way the iframe without JavaScript would.

    `token=None` leaves the token out, `origin=None` the Origin header.
    """

    def post(
        url: str,
        page: CampaignPage,
        *,
        token: str | None = "",
        origin: str | None = OWN_ORIGIN,
        **fields: object,
    ) -> HttpResponse:
        data = {**SIGNER, **fields}
        if token is not None:
            data["form_token"] = token or issue_form_token(
                campaign_identity(page).public_key
            )
        headers = {"Origin": origin} if origin is not None else {}
        return client.post(url, data, headers=headers)

    return post


@pytest.fixture
def script(settings, tmp_path) -> Path:
    """A stand-in current script, with its own releases folder."""
    path = tmp_path / "undersign.js"
    path.write_text('console.log("[undersign] v1");\n')
    settings.UNDERSIGN_WIDGET_SCRIPT = path
    settings.UNDERSIGN_WIDGET_RELEASES = tmp_path / "releases"
    return path
