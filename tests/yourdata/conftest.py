"""Fixtures for "your data": one person who signed two campaigns, and someone else."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from django.core import mail

from campaigns.models import CampaignPage, Partner, Signature
from tests.emails import conftest as emails
from tests.factories import campaign_page, link_partner
from tests.partners.signers import sign_through
from tests.webhooks import conftest as webhooks

EMAIL = "zorabel.q@example.org"
FIRST_NAME = "Zorabel"
LAST_NAME = "Quintanilla"
PHONE = "+1 212 555 0199"
COMMENT = "My cousin was detained at a check-in."
OTHER_EMAIL = "bartholomew.o@example.org"
OTHER_FIRST_NAME = "Bartholomew"
OTHER_LAST_NAME = "Ostrowski"

# The shared receiver of the webhook tests, and the dispatcher loop of the emails.
receiver = webhooks.receiver
hooked_partner = webhooks.hooked_partner
dispatch = emails.dispatch


@pytest.fixture(autouse=True)
def _room_for_emails(settings) -> None:
    """Signing two campaigns sends two emails; leave room for the link under test."""
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 10


@pytest.fixture
def second_page(page: CampaignPage, partner: Partner) -> CampaignPage:
    """Another campaign, through the same partner, that also asks phone and comment."""
    other = campaign_page(
        title="Close Rikers now",
        slug="close-rikers",
        phone_rule="optional",
        comment_rule="optional",
    )
    link_partner(other, partner)
    return other


@pytest.fixture
def signed(
    page: CampaignPage, second_page: CampaignPage, partner: Partner
) -> list[Signature]:
    """Zorabel signed both campaigns through the partner (sharing with it only on
    the first); Bartholomew signed the first one too."""
    first = sign_through(
        page, partner, EMAIL, first_name=FIRST_NAME, last_name=LAST_NAME
    )
    second = sign_through(
        second_page,
        partner,
        EMAIL,
        consent=False,
        first_name=FIRST_NAME,
        last_name=LAST_NAME,
        phone=PHONE,
        comment=COMMENT,
    )
    sign_through(
        page,
        partner,
        OTHER_EMAIL,
        first_name=OTHER_FIRST_NAME,
        last_name=OTHER_LAST_NAME,
    )
    return [first, second]


@pytest.fixture
def link_for(client, dispatch) -> Callable[[str], str]:
    """Ask for a link for `email` through the page; return the path it was mailed."""

    def _link(email: str) -> str:
        dispatch()
        mail.outbox.clear()
        client.post("/your-data/", {"email": email})
        dispatch()
        [message] = mail.outbox
        return link_path(str(message.body))

    return _link


def link_path(text: str) -> str:
    """Return the path of the "your data" link in an email's text."""
    match = re.search(r"https?://\S+/your-data/\S+/", text)
    assert match is not None, "no your-data link in the email"
    return urlsplit(match.group(0)).path
