"""Partner fixtures: a second partner on the same campaign, tokens, partner users."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from campaigns.models import Partner
from campaigns.partners.tokens import token_create
from tests.factories import PartnerFactory, link_partner
from tests.partners.users import partner_user


@pytest.fixture
def other_partner(page) -> Partner:
    """A second partner of `page`."""
    partner = PartnerFactory(name="Desis Rising Up", slug="desis-rising-up")
    link_partner(page, partner)
    return partner


@pytest.fixture
def bearer(api_client) -> Callable[[Partner], str]:
    """Return a function that gives `api_client` a fresh token of a partner, sent
    in the `OSDI-API-Token` header as OSDI clients send it."""

    def authorize(partner: Partner) -> str:
        _token, plaintext = token_create(partner=partner, label="CRM")
        api_client.credentials(HTTP_OSDI_API_TOKEN=plaintext)
        return plaintext

    return authorize


@pytest.fixture
def partner_client(partner) -> Client:
    """A browser logged in as a user of `partner`."""
    client = Client()
    client.force_login(partner_user("mtr", partner))
    return client
