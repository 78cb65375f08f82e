"""Downloading: everything held about the person, across campaigns, and no one else."""

from __future__ import annotations

import json

from django.test import Client

from campaigns.models import ConsentVersion, Signature, SignatureConsent
from tests.yourdata.conftest import (
    COMMENT,
    EMAIL,
    FIRST_NAME,
    LAST_NAME,
    OTHER_EMAIL,
    OTHER_FIRST_NAME,
    OTHER_LAST_NAME,
    PHONE,
)


def _download(client: Client, link: str) -> tuple[object, dict]:
    response = client.post(f"{link}download/")
    return response, json.loads(response.content)


def test_the_download_is_a_json_file_that_is_never_cached(signed, client, link_for):
    response, _data = _download(client, link_for(EMAIL))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]


def test_the_download_holds_every_campaign_with_identity_and_consents(
    signed, client, link_for, page, second_page
):
    _response, data = _download(client, link_for(EMAIL))

    by_key = {record["campaign"]["key"]: record for record in data["signatures"]}
    first = by_key[signed[0].campaign.public_key]
    second = by_key[signed[1].campaign.public_key]
    assert len(data["signatures"]) == 2
    assert first["campaign"]["title"] == page.title
    assert second["campaign"]["title"] == second_page.title
    assert first["identity"]["email"] == EMAIL
    assert first["identity"]["first_name"] == FIRST_NAME
    assert first["identity"]["last_name"] == LAST_NAME
    assert second["identity"]["phone"] == PHONE
    assert second["identity"]["comment"] == COMMENT
    assert first["status"] == Signature.Status.CONFIRMED
    assert first["confirmed"] is not None
    assert first["partner"]["key"] == "make-the-road"
    assert first["language"] == signed[0].language


def test_the_download_quotes_the_exact_consent_texts_and_versions(
    signed, client, link_for
):
    _response, data = _download(client, link_for(EMAIL))

    version = ConsentVersion.objects.get(kind=ConsentVersion.Kind.PARTNER)
    consents = [c for record in data["signatures"] for c in record["consents"]]
    partner_consents = [c for c in consents if c["kind"] == "partner"]
    held = SignatureConsent.objects.filter(signature__in=signed)
    assert len(partner_consents) == 1  # the second campaign's box was left unticked
    assert {
        "version": version.digest,
        "text": "Allow Make the Road to contact me",
        "partner": "make-the-road",
    }.items() <= partner_consents[0].items()
    assert sorted((c["version"], c["text"]) for c in consents) == sorted(
        held.values_list("version__digest", "version__text")
    )


def test_the_download_lists_deliveries_by_kind_and_state_without_payloads(
    signed, client, link_for
):
    _response, data = _download(client, link_for(EMAIL))

    deliveries = [d for record in data["signatures"] for d in record["deliveries"]]
    kinds = {delivery["kind"] for delivery in deliveries}
    assert {"email_thanks", "email_your_data"} <= kinds
    assert all(
        set(delivery) == {"kind", "state", "created", "done"} for delivery in deliveries
    )


def test_the_download_holds_no_one_elses_data(signed, client, link_for):
    response, _data = _download(client, link_for(EMAIL))

    body = response.content.decode()
    for other in (OTHER_EMAIL, OTHER_FIRST_NAME, OTHER_LAST_NAME):
        assert other not in body


def test_after_erasure_the_download_holds_nothing(signed, client, link_for):
    link = link_for(EMAIL)
    client.post(f"{link}erase/")

    response, data = _download(client, link)

    assert data["signatures"] == []
    assert EMAIL not in response.content.decode()
