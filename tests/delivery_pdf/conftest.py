"""Delivery fixtures: a campaign that promised names to the target, and its people."""

from __future__ import annotations

import io
from collections.abc import Callable

import pypdf
import pytest
from django.test import Client
from django.urls import reverse

from campaigns.models import CampaignPage
from tests.dashboard.people import EDITOR, SIGNER_VIEWER, admin_user, client_for
from tests.factories import campaign_page


@pytest.fixture
def promised(db) -> CampaignPage:
    """A campaign whose form always told signers that names go to the target."""
    return campaign_page(
        title="Close the camps",
        slug="close-the-camps",
        names_to_target=True,
        demands=[("demand", "End all contracts with ICE")],
    )


@pytest.fixture
def viewer(promised) -> Client:
    """May see the promising campaign's signers."""
    return client_for(admin_user("viewer", promised, SIGNER_VIEWER))


@pytest.fixture
def editor(promised) -> Client:
    """May edit the promising campaign's page, not see its signers."""
    return client_for(admin_user("editor", promised, EDITOR))


@pytest.fixture
def download() -> Callable[..., pypdf.PdfReader]:
    """POST the delivery form as `client`; return the PDF read by pypdf."""

    def post(client: Client, page: CampaignPage, **form: str) -> pypdf.PdfReader:
        response = client.post(reverse("undersign_delivery_pdf", args=[page.pk]), form)
        assert response.status_code == 200, response.status_code
        assert response["Content-Type"] == "application/pdf"
        return pypdf.PdfReader(io.BytesIO(response.content))

    return post


def pdf_text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_fonts(reader: pypdf.PdfReader) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
