"""The partner's edit page shows its other pages as buttons, to those allowed."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.factories import PartnerFactory, link_partner

INDEX = "/admin/undersign/partners/"


def header_buttons(client: Client, partner_id: int) -> dict[str, str]:
    """Return the header's buttons (label: URL), outside the "…" menu."""
    html = client.get(f"{INDEX}edit/{partner_id}/").content.decode()
    found = re.findall(
        r'<a href="([^"]+)" class="[^"]*w-header-button[^"]*"[^>]*>(.*?)</a>',
        html,
        re.S,
    )
    return {re.sub(r"<[^>]+>", "", label).strip(): url for url, label in found}


@pytest.fixture
def partner(page):
    partner = PartnerFactory(name="Make the Road", slug="make-the-road")
    link_partner(page, partner)
    return partner


def test_a_superuser_sees_signers_tokens_webhook_and_delivery_log(client, partner):
    client.force_login(get_user_model().objects.create_superuser("boss"))

    buttons = header_buttons(client, partner.pk)

    assert buttons == {
        "Signers": f"/admin/undersign/partner/{partner.pk}/",
        "API tokens": f"/admin/undersign/partner/{partner.pk}/tokens/",
        "Webhook": f"/admin/undersign/partner/{partner.pk}/webhook/",
        "Delivery log": f"/admin/undersign/webhook-deliveries/?partner={partner.pk}",
    }
    for url in buttons.values():
        assert client.get(url).status_code == 200


def test_change_partner_alone_shows_no_signers_tokens_or_webhook(
    partner_admin, partner
):
    buttons = header_buttons(partner_admin, partner.pk)

    assert not {"Signers", "API tokens", "Webhook"} & set(buttons)
