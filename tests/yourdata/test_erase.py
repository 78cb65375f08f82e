"""Erasing: the person leaves every campaign, and partners that had them are told."""

from __future__ import annotations

import json

from campaigns import yourdata
from campaigns.models import Campaign, CampaignPage, Signature
from campaigns.partners import opaque_ids
from campaigns.selectors import signature_count
from tests.partners.signers import sign_through
from tests.webhooks.verification import verifies
from tests.yourdata.conftest import EMAIL, FIRST_NAME, LAST_NAME, OTHER_EMAIL


def _count(page: CampaignPage) -> int:
    return signature_count(Campaign.objects.get(translation_key=page.translation_key))


def test_erasing_removes_the_person_from_every_campaign(
    signed, client, link_for, page, second_page
):
    link = link_for(EMAIL)
    assert (_count(page), _count(second_page)) == (2, 1)

    response = client.post(f"{link}erase/")

    assert response.status_code == 200
    assert b"Your data was erased" in response.content
    assert (_count(page), _count(second_page)) == (1, 0)
    for signature in Signature.objects.filter(pk__in=[s.pk for s in signed]):
        assert signature.status == Signature.Status.WITHDRAWN
        assert signature.identity is None
        assert signature.email_index == ""
    other = Signature.objects.exclude(pk__in=[s.pk for s in signed]).get()
    assert other.identity is not None
    assert other.identity.email == OTHER_EMAIL


def test_partners_that_received_the_signature_get_a_signed_deletion_webhook(
    hooked_partner, signed, client, link_for, receiver, dispatch
):
    partner, secret = hooked_partner
    link = link_for(EMAIL)  # sends the signing webhooks first
    assert len(receiver.received) == 2  # Zorabel's first signature, and Bartholomew's
    receiver.received.clear()

    client.post(f"{link}erase/")
    dispatch()

    # Zorabel shared only her first signature with the partner: one deletion.
    [request] = receiver.received
    assert verifies(secret, request.headers, request.body)
    record = json.loads(request.body)
    assert record["action"] == "deleted"
    own_id = opaque_ids.identifier(opaque_ids.signature_id(signed[0], partner))
    assert record["osdi:signature"]["identifiers"] == [own_id]
    body = request.body.decode()
    for identifier in (EMAIL, FIRST_NAME, LAST_NAME):
        assert identifier not in body


def test_erasing_twice_changes_nothing_more(signed, client, link_for, page):
    link = link_for(EMAIL)
    client.post(f"{link}erase/")

    response = client.post(f"{link}erase/")

    assert response.status_code == 200
    assert _count(page) == 1


def test_an_erased_person_can_sign_again(signed, client, link_for, page, partner):
    client.post(f"{link_for(EMAIL)}erase/")

    again = sign_through(page, partner, EMAIL, first_name=FIRST_NAME)

    assert again.pk not in {signature.pk for signature in signed}
    assert _count(page) == 2


def test_an_empty_index_erases_and_exports_nothing(signed):
    Signature.objects.filter(pk=signed[1].pk).update(email_index="")

    assert yourdata.erase_person(email_index="", by="signer") == 0
    assert yourdata.export_person(email_index="")["signatures"] == []
    assert Signature.objects.get(pk=signed[1].pk).identity is not None


def test_erasure_logs_counts_but_never_the_person(signed, caplog):
    with caplog.at_level("DEBUG"):
        erased = yourdata.erase_person(email_index=signed[0].email_index, by="signer")

    assert erased == 2
    for identifier in (EMAIL, FIRST_NAME, LAST_NAME, signed[0].email_index):
        assert identifier not in caplog.text
