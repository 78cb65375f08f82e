"""A whole signing, at DEBUG on every logger: nothing logged identifies the signer."""

from __future__ import annotations

import json

from django.core import mail

from campaigns.models import Signature
from campaigns.webhooks.signing import webhook_secret_rotate
from tests.api.conftest import sign_url
from tests.emails import conftest as emails
from tests.emails.conftest import link_path
from tests.logs.conftest import CLIENT_META, EMAIL, SIGNER, leaks, logged_text
from tests.pages.conftest import serve_as_home
from tests.webhooks import conftest as webhooks
from tests.yourdata.conftest import link_path as your_data_path

receiver = webhooks.receiver
dispatch = emails.dispatch


def test_a_full_signing_flow_logs_no_email_name_or_address(
    page, partner, receiver, dispatch, every_log, settings, client, api_client
):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 10
    partner.webhook_url = receiver.url
    partner.save(update_fields=["webhook_url"])
    webhook_secret_rotate(partner)
    page.double_opt_in = True
    page.show_recent_signers = True
    page.save_revision().publish()
    serve_as_home(page)
    body = {**SIGNER, "partner": partner.slug, "consents": ["display"]}
    body["consents"].append(f"partner:{partner.slug}")

    signed = api_client.post(
        sign_url(page.slug),
        data=json.dumps(body),
        content_type="application/json",
        headers={"Origin": "https://partner.example"},
        **CLIENT_META,
    )
    again = client.post("/en/", SIGNER, **CLIENT_META)
    dispatch()
    confirmed = client.post(link_path(mail.outbox[0], "confirm"), **CLIENT_META)
    dispatch()
    mail.outbox.clear()
    client.post("/your-data/", {"email": EMAIL}, **CLIENT_META)
    dispatch()
    [your_data] = mail.outbox
    link = your_data_path(str(your_data.body))
    opened = client.get(link, **CLIENT_META)
    downloaded = client.post(f"{link}download/", **CLIENT_META)
    stats = api_client.get(f"/api/v1/campaigns/{page.slug}/stats/", **CLIENT_META)

    assert signed.status_code == 202
    assert again.status_code in {200, 302}
    assert confirmed.status_code in {200, 302}
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
    assert receiver.received, "the partner's webhook was sent"
    assert opened.status_code == downloaded.status_code == 200
    assert EMAIL in downloaded.content.decode()
    assert stats.json()["recent_signers"]
    logged = logged_text(every_log)
    loggers = {record.name for record in every_log.records}
    assert {"django.db.backends", "campaigns.emails.handlers"} <= loggers
    assert leaks(logged) == []
