"""Parsons' Action Network connector, unchanged, against a live server of the site.

Parsons (https://github.com/move-coop/parsons) is the data library many
progressive organizations sync their CRMs with. Its `ActionNetwork` class sends
`OSDI-API-Token`, joins `petitions`, `petitions/{id}/signatures` and `people` onto
its base URL, and reads `_embedded` page after page until a page comes back
empty. The only thing a partner changes is that base URL.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from parsons import ActionNetwork
from parsons.utilities.api_connector import APIConnector

from campaigns.models import Partner
from campaigns.partners.tokens import token_create
from campaigns.services import campaign_identity
from tests.factories import (
    PartnerFactory,
    campaign_page,
    link_partner,
    restore_wagtail_tree,
)
from tests.partners.signers import sign_through

pytestmark = pytest.mark.django_db(transaction=True)

SIGNERS = 30  # more than Parsons' 25 a page: the page loop must turn


@pytest.fixture(scope="module", autouse=True)
def _wagtail_tree_after_parsons(wagtail_tree_after_module) -> None:
    """`live_server` flushes; leave the tree as migrations did."""


def connect(live_server, partner: Partner) -> ActionNetwork:
    """Return Parsons' connector for `partner`, pointed at the live site."""
    _token, plaintext = token_create(partner=partner, label="Parsons")
    action_network = ActionNetwork(api_token=plaintext)
    base = live_server.url + reverse("undersign_api:osdi-entry")
    action_network.api_url = base
    action_network.api = APIConnector(base, headers=action_network.headers)
    return action_network


@pytest.fixture
def scene(live_server):
    """Two campaigns and two partners: who signed where, and who consented."""
    restore_wagtail_tree()
    page = campaign_page()
    elsewhere = campaign_page(slug="elsewhere", title="Another campaign")
    ours, theirs = (
        PartnerFactory(name="Make the Road", slug="make-the-road"),
        PartnerFactory(name="Desis Rising Up", slug="desis-rising-up"),
    )
    for each in (page, elsewhere):
        link_partner(each, theirs)
    link_partner(page, ours)
    consented = [f"signer{n}@example.org" for n in range(SIGNERS)]
    for email in consented:
        sign_through(page, ours, email)
    sign_through(page, ours, "declined@example.org", consent=False)
    sign_through(page, theirs, "theirs@example.org")
    sign_through(elsewhere, theirs, "elsewhere@example.org")
    return page, ours, theirs, set(consented)


def test_parsons_reads_exactly_the_partners_consented_signers(live_server, scene):
    page, ours, _theirs, consented = scene
    key = campaign_identity(page).public_key
    action_network = connect(live_server, ours)

    petitions = action_network.get_petitions()
    signatures = action_network.get_petition_signatures(key)
    people = action_network.get_people()

    print(  # noqa: T201 - the run's output, shown in CI logs
        f"\nget_petitions(): {petitions.num_rows} row(s):",
        [(row["identifiers"], row["title"]) for row in petitions],
        f"\nget_petition_signatures({key!r}): {signatures.num_rows} rows, "
        f"columns {sorted(signatures.columns)}",
        f"\n  first: {signatures[0]['identifiers']} "
        f"{signatures[0]['_embedded']['osdi:person']['email_addresses']}",
        f"\nget_people(): {people.num_rows} rows; first: "
        f"{people[0]['identifiers']} {people[0]['email_addresses']}",
    )
    assert [row["identifiers"] for row in petitions] == [[f"undersign:{key}"]]
    signed = {
        row["_embedded"]["osdi:person"]["email_addresses"][0]["address"]
        for row in signatures
    }
    assert signed == consented
    assert signatures.num_rows == SIGNERS
    assert {row["email_addresses"][0]["address"] for row in people} == consented
    assert people.num_rows == SIGNERS
    statuses = {row["email_addresses"][0]["status"] for row in people}
    assert statuses == {"subscribed"}


def test_parsons_as_another_partner_sees_none_of_them(live_server, scene):
    page, _ours, theirs, _consented = scene
    action_network = connect(live_server, theirs)

    people = action_network.get_people()
    petitions = action_network.get_petitions()
    on_page = action_network.get_petition_signatures(campaign_identity(page).public_key)

    assert {row["email_addresses"][0]["address"] for row in people} == {
        "theirs@example.org",
        "elsewhere@example.org",
    }
    assert petitions.num_rows == 2
    assert [
        row["_embedded"]["osdi:person"]["email_addresses"][0]["address"]
        for row in on_page
    ] == ["theirs@example.org"]


def test_parsons_gets_an_error_for_a_petition_that_is_not_the_partners(
    live_server, scene
):
    _page, ours, _theirs, _consented = scene
    elsewhere = campaign_identity(campaign_page(slug="third", title="Third"))
    action_network = connect(live_server, ours)

    with pytest.raises(Exception, match="404"):
        action_network.get_petition_signatures(elsewhere.public_key)
