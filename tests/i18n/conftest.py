"""Fixtures for languages: a campaign served as home, and its translations."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from wagtail.models import Locale

from campaigns.models import CampaignPage
from tests.pages.conftest import serve_as_home


@pytest.fixture
def hosted(page) -> CampaignPage:
    """The shared open campaign, with its hosted page at `/en/`."""
    return serve_as_home(page)


@pytest.fixture
def translate(hosted) -> Callable[..., CampaignPage]:
    """Publish `hosted` in `language` as simple_translation's Translate action does."""

    def make(language: str, **fields: object) -> CampaignPage:
        locale, _created = Locale.objects.get_or_create(language_code=language)
        copy = hosted.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save_revision().publish()
        copy.refresh_from_db()
        return copy

    return make
