"""Helpers for the public API's tests: posting JSON signings, a Spanish translation."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient
from wagtail.models import Locale

from campaigns.models import CampaignPage

VALID = {"email": "ana@example.org", "first_name": "Ana", "last_name": "Díaz"}


def sign_url(key: str) -> str:
    return f"/api/v1/campaigns/{key}/signatures/"


def preflight(api_client: APIClient, url: str, origin: str, method: str = "POST"):
    """Send the CORS preflight a browser sends before `method` from `origin`."""
    return api_client.options(
        url,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            # All the widget sends: its idempotency key rides in the body.
            "Access-Control-Request-Headers": "content-type",
        },
    )


@pytest.fixture
def sign(api_client: APIClient) -> Callable[..., Any]:
    """POST `body` (any JSON value) as JSON to the sign endpoint of `key`."""

    def _sign(key: str, body: object, **headers: str) -> Any:
        return api_client.post(
            sign_url(key),
            data=json.dumps(body),
            content_type="application/json",
            headers=headers,
        )

    return _sign


@pytest.fixture
def spanish_page(page: CampaignPage) -> CampaignPage:
    """A published Spanish translation of `page`."""
    spanish = page.copy_for_translation(Locale.objects.create(language_code="es"))
    spanish.title = "Paren las detenciones"
    spanish.call_to_action = "Pidan al alcalde que corte toda colaboración con ICE"
    spanish.save_revision().publish()
    return CampaignPage.objects.get(pk=spanish.pk)
