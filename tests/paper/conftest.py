"""Paper import fixtures: an organizer who may edit the campaign and see its signers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from campaigns.models import Campaign, CampaignPage
from tests.exports.users import EDIT_PAGE, VIEW_SIGNERS, organizer
from tests.factories import campaign_page


@pytest.fixture
def campaign(page) -> Campaign:
    return Campaign.objects.get(translation_key=page.translation_key)


@pytest.fixture
def page_b(db) -> CampaignPage:
    return campaign_page(title="Fund the libraries", slug="fund-the-libraries")


@pytest.fixture
def paper_client(page) -> Client:
    """May edit `page` and see its signers: what importing needs."""
    return organizer("olga", page, EDIT_PAGE, VIEW_SIGNERS)


def paper_url(page: CampaignPage) -> str:
    return reverse("undersign_paper", args=[page.pk])


def csv_file(text: str | bytes, name: str = "paper.csv") -> SimpleUploadedFile:
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.fixture
def check(page, paper_client) -> Callable[..., object]:
    """Upload `text` for checking; return the response."""

    def _check(text: str | bytes, client: Client | None = None, **fields: str):
        data = {
            "action": "check",
            "file": csv_file(text),
            "statement": "I sign this petition on paper.",
            "language": "en",
            **fields,
        }
        return (client or paper_client).post(paper_url(page), data)

    return _check


@pytest.fixture
def confirm(page, paper_client) -> Callable[..., object]:
    """Confirm the import a check's response offers."""

    def _confirm(checked, client: Client | None = None):
        form = checked.context["confirm"]
        data = {"action": "confirm", **form.initial}
        return (client or paper_client).post(paper_url(page), data)

    return _confirm
