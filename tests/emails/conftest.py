"""Helpers for the email tests: sign, run the dispatcher, follow links in emails."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from django.core.mail import EmailMultiAlternatives
from wagtail.models import Site

from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.models import CampaignPage
from campaigns.signing import SignatureInput, SigningResult, signature_create

EMAIL = "zorabel.q@example.org"
FIRST_NAME = "Zorabel"
LAST_NAME = "Quintanilla"


@pytest.fixture
def hosted(page: CampaignPage) -> CampaignPage:
    """The shared campaign as the default site's home, so it has a URL."""
    site = Site.objects.get(is_default_site=True)
    site.root_page = page
    site.save()
    return page


@pytest.fixture
def sign() -> Callable[..., SigningResult]:
    """Sign `page` as Zorabel (or with the given fields) through the service."""

    def _sign(page: CampaignPage, **fields: object) -> SigningResult:
        data = {"email": EMAIL, "first_name": FIRST_NAME, "last_name": LAST_NAME}
        data.update(fields)
        return signature_create(page=page, data=SignatureInput(**data))

    return _sign


@pytest.fixture
def dispatch(db) -> Callable[[], int]:
    """Run the dispatcher until nothing is due; return how many rows it ran."""

    def _dispatch() -> int:
        total = 0
        while ran := dispatch_once():
            total += ran
        return total

    return _dispatch


def html_of(message: EmailMultiAlternatives) -> str:
    """Return the HTML alternative of `message`."""
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return str(html)


def link_path(message: EmailMultiAlternatives, purpose: str) -> str:
    """Return the path of the `purpose` link in `message`'s plain text."""
    match = re.search(rf"https?://\S+/sign/{purpose}/\S+/", str(message.body))
    assert match is not None, f"no {purpose} link in the email"
    return urlsplit(match.group(0)).path
