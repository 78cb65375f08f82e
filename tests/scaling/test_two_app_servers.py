"""Two app servers sharing one PostgreSQL and one Redis behave as one site."""

from __future__ import annotations

import email
import os
import subprocess
import sys
import time
from email.utils import parseaddr
from pathlib import Path

import httpx
import pytest
from django.db import connection

from campaigns.deliveries.outbox import EMAIL_THANKS
from campaigns.models import Delivery, Signature
from campaigns.services import campaign_identity
from campaigns.signing import SignatureInput, signature_create
from tests.factories import campaign_page
from tests.scaling.conftest import CLIENT_BURST, ROOT, STALENESS

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_tree", "wagtail_tree_after_module"),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"),
        reason="needs PostgreSQL and Redis, as machines behind a load balancer do",
    ),
]

SIGNERS = 40


def _count(url: str, key: str) -> int:
    return httpx.get(f"{url}/api/v1/campaigns/{key}/stats/").json()["count"]


def test_signature_made_through_one_server_is_counted_through_the_other(
    app_servers,
) -> None:
    first, second = app_servers
    key = campaign_identity(campaign_page()).public_key
    before = _count(second, key)  # the shared cache now holds the old count
    body = {"email": "ada@example.org", "first_name": "Ada", "last_name": "Lovelace"}
    reply = httpx.post(f"{first}/api/v1/campaigns/{key}/signatures/", json=body)
    assert reply.status_code == 202
    deadline = time.monotonic() + STALENESS + 1
    seen = before
    while seen == before and time.monotonic() < deadline:
        time.sleep(0.1)
        seen = _count(second, key)
    assert seen == before + 1


def test_one_clients_limit_holds_across_both_servers(app_servers) -> None:
    key = campaign_identity(campaign_page()).public_key
    replies = [
        httpx.post(
            f"{app_servers[n % 2]}/api/v1/campaigns/{key}/signatures/",
            json={"email": f"n{n}@example.org", "first_name": "Sam", "last_name": "D"},
        )
        for n in range(CLIENT_BURST + 3)
    ]

    assert {reply.status_code for reply in replies} == {202}
    assert len({reply.content for reply in replies}) == 1
    assert Signature.objects.counted().count() == CLIENT_BURST
    throttled = Signature.objects.filter(moderation_reason=Signature.Reason.THROTTLED)
    assert throttled.count() == 3


def _recipients(outbox: Path) -> list[str]:
    """Return every recipient of every email the dispatchers wrote, repeats kept."""
    recipients = []
    for path in outbox.glob("*.log"):
        for text in path.read_text().split("-" * 79):
            if text.strip():
                message = email.message_from_string(text.strip())
                recipients.append(parseaddr(message["To"])[1])
    return recipients


def test_deliveries_claimed_by_dispatchers_on_two_machines_run_once(
    cluster_env,
) -> None:
    page = campaign_page()
    addresses = {f"signer-{n}@example.org" for n in range(SIGNERS)}
    for address in addresses:
        signature_create(
            page=page,
            data=SignatureInput(email=address, first_name="Sam", last_name="Doe"),
        )
    command = [sys.executable, str(ROOT / "manage.py"), "undersign_worker"]
    # Small batches and a short idle sleep keep both dispatchers claiming at once.
    dispatchers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
            [*command, "--batch", "3", "--interval", "0.1"], env=cluster_env, cwd=ROOT
        )
        for _ in range(2)
    ]
    deadline = time.monotonic() + 60
    try:
        while (
            time.monotonic() < deadline
            and Delivery.objects.exclude(state=Delivery.State.DONE).exists()
        ):
            time.sleep(0.2)
    finally:
        for dispatcher in dispatchers:
            dispatcher.terminate()
            dispatcher.wait(timeout=30)
    emails = Delivery.objects.filter(kind=EMAIL_THANKS)
    assert sorted(_recipients(Path(cluster_env["EMAIL_FILE_PATH"]))) == sorted(
        addresses
    )
    assert set(emails.values_list("state", "attempts")) == {(Delivery.State.DONE, 1)}
