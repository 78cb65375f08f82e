"""After every way in and out, a full copy of the database names no one.

Signing through the service, the API, the hosted form and the embed form; sending
every delivery; exporting a partner's CSV; withdrawing; a signer downloading and
erasing their data; a retention run: then `dumpdata` (every app, every table)
and, on PostgreSQL, `pg_dump` hold no plaintext email, name or client address.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.deliveries.outbox import (
    EMAIL_ALREADY_SIGNED,
    EMAIL_THANKS,
    EMAIL_YOUR_DATA,
    WEBHOOK_SIGNATURE,
    WEBHOOK_WITHDRAWAL,
)
from campaigns.lifecycle import signature_withdraw
from campaigns.models import CampaignPage, Delivery, Partner, Signature
from campaigns.retention import anonymize_expired
from campaigns.services import campaign_identity
from campaigns.signing import SignatureInput, signature_create
from campaigns.signing.screening import issue_form_token
from campaigns.webhooks.signing import webhook_secret_rotate
from tests.dumps import dumpdata, needs_pg_dump, pg_dump
from tests.factories import campaign_page
from tests.pages.conftest import serve_as_home
from tests.yourdata.conftest import link_path

CLIENT_IP = "203.0.113.77"
FORWARDED = "198.51.100.42"
NETWORK = {
    "REMOTE_ADDR": CLIENT_IP,
    "HTTP_X_FORWARDED_FOR": f"{FORWARDED}, {CLIENT_IP}",
}
KINDS = {
    EMAIL_THANKS,
    EMAIL_ALREADY_SIGNED,
    EMAIL_YOUR_DATA,
    WEBHOOK_SIGNATURE,
    WEBHOOK_WITHDRAWAL,
}
CONSENTS = ["organizer", "display", "partner:make-the-road"]
# One signer per way in, each with names found nowhere else in the database.
SIGNERS = {
    "service": ("Zuleika.Quartermaine@Example.org", "Zuleika", "Quartermaine"),
    "api": ("thaddeus.okonkwo-vale@example.net", "Thaddeus", "Okonkwo-Vale"),
    "hosted": ("ximena.barrowcliffe@example.com", "Ximena", "Barrowcliffe"),
    "embed": ("ottoline.vanterpool@example.org", "Ottoline", "Vanterpool"),
    "expired": ("perpetua.hollingdrake@example.org", "Perpetua", "Hollingdrake"),
}


def _fields(way: str) -> dict[str, str]:
    email, first, last = SIGNERS[way]
    return {"email": email, "first_name": first, "last_name": last}


def _sign_everywhere(page: CampaignPage) -> None:
    client, api = Client(**NETWORK), APIClient(**NETWORK)
    signature_create(
        page=page,
        data=SignatureInput(
            **_fields("service"), consents=CONSENTS, partner_key="make-the-road"
        ),
        client_key="service",
    )
    key = campaign_identity(page).public_key
    reply = api.post(
        f"/api/v1/campaigns/{key}/signatures/",
        data=json.dumps(
            {**_fields("api"), "consents": CONSENTS, "partner": "make-the-road"}
        ),
        content_type="application/json",
    )
    assert reply.status_code in {200, 201, 202}
    hosted = client.post(
        "/en/p/make-the-road/", {**_fields("hosted"), "consents": CONSENTS}
    )
    assert hosted.status_code == 302
    embed = client.post(
        f"/embed/{key}/?partner=make-the-road",
        {**_fields("embed"), "consents": CONSENTS, "form_token": issue_form_token(key)},
        headers={"Origin": "http://testserver"},
    )
    assert embed.status_code == 302
    # A repeat signing owes an "already signed" email: one more kind of delivery.
    client.post("/en/", _fields("hosted"))
    assert Signature.objects.count() == 4


def _deliver_all() -> None:
    # A failed webhook is retried later, so this ends once every row was tried.
    while dispatch_once():
        pass


def _everything_after_signing(
    page: CampaignPage, partner: Partner, organizer: Client
) -> None:
    expired = campaign_page(
        title="Expired",
        slug="expired",
        keep_data_until=timezone.localdate() - timedelta(days=1),
    )
    _sign_everywhere(page)
    signature_create(page=expired, data=SignatureInput(**_fields("expired")))
    _deliver_all()
    export = organizer.get(f"/admin/undersign/partner/{partner.pk}/export.csv")
    assert SIGNERS["embed"][1] in b"".join(export.streaming_content).decode()
    first = Signature.objects.filter(campaign=campaign_identity(page)).order_by("pk")
    signature_withdraw(signature=first.first())
    _deliver_all()
    _download_and_erase(SIGNERS["api"][0])
    assert anonymize_expired() == 1
    assert set(Delivery.objects.values_list("kind", flat=True)) >= KINDS


def _download_and_erase(email: str) -> None:
    """A signer asks for their data by email, downloads it, then erases it."""
    client = Client(**NETWORK)
    mail.outbox.clear()
    assert client.post("/your-data/", {"email": email}).status_code == 200
    _deliver_all()
    [message] = mail.outbox
    link = link_path(str(message.body))
    download = client.post(f"{link}download/")
    assert email.lower().encode() in download.content
    assert client.post(f"{link}erase/").status_code == 200
    _deliver_all()


def _assert_names_no_one(dump: str) -> None:
    kept = Signature.objects.exclude(identifiers="").first()
    assert kept is not None and kept.identifiers in dump  # the dump holds signatures
    for email, first, last in SIGNERS.values():
        for value in (email, first, last):
            assert value not in dump
            assert value.lower() not in dump
    assert CLIENT_IP not in dump
    assert FORWARDED not in dump


@pytest.fixture
def scene(page, partner, django_user_model) -> None:
    organizer = Client(**NETWORK)
    organizer.force_login(
        django_user_model.objects.create_superuser("organizer", "", "unused")
    )
    serve_as_home(page)
    partner.webhook_url = "http://127.0.0.1:9/hooks"  # nothing listens: it fails
    partner.save(update_fields=["webhook_url"])
    webhook_secret_rotate(partner)
    _everything_after_signing(page, partner, organizer)


@pytest.mark.django_db
def test_dumpdata_after_every_path_holds_no_plaintext_identifier_or_ip(scene):
    dump = dumpdata()

    _assert_names_no_one(dump)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("wagtail_tree_after_module")
@needs_pg_dump
def test_pg_dump_after_every_path_holds_no_plaintext_identifier_or_ip(
    wagtail_tree, scene
):
    dump = pg_dump()

    _assert_names_no_one(dump)
