"""Redis down: signing is accepted and stored, pages and reads come from the
database, throttles count per process, and the site recovers by itself."""

from __future__ import annotations

import json
import logging
import time

import pytest
from django.test import Client

from campaigns.models import Signature
from campaigns.services import campaign_identity
from tests.abuse.conftest import rates
from tests.pages.conftest import serve_as_home

OUTAGE = "The Redis cache is unreachable"
BACK = "The Redis cache is reachable again"
RETRY_SECONDS = 0.2


def _sign(client: Client, page, email: str, ip: str = "203.0.113.7"):
    return client.post(
        f"/api/v1/campaigns/{page.slug}/signatures/",
        data=json.dumps({"email": email, "first_name": "Ana", "last_name": "Ruiz"}),
        content_type="application/json",
        REMOTE_ADDR=ip,
    )


def _stored(page) -> int:
    return Signature.objects.filter(campaign=campaign_identity(page)).count()


def _serves_everything(client: Client, page) -> None:
    key = campaign_identity(page).public_key
    for url in (
        "/",
        "/api/v1/campaigns/",
        f"/api/v1/campaigns/{key}/",
        f"/api/v1/campaigns/{key}/stats/",
        f"/embed/{key}/",
    ):
        assert client.get(url, follow=True).status_code == 200, url


def _logged(caplog, text: str) -> int:
    return sum(text in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_with_redis_unreachable_from_the_start_signing_and_pages_work(
    page, unreachable_cache, caplog
):
    caplog.set_level(logging.WARNING)
    serve_as_home(page)
    client = Client()

    replies = [_sign(client, page, f"s{n}@example.org") for n in range(5)]
    _serves_everything(client, page)

    assert [reply.status_code for reply in replies] == [202] * 5
    assert _stored(page) == 5
    assert _logged(caplog, OUTAGE) == 1


@pytest.mark.django_db
def test_while_redis_is_down_each_process_still_holds_the_client_limit(
    settings, unreachable_cache, page
):
    rates(settings, client_burst="3/minute")
    client = Client()

    replies = [_sign(client, page, f"s{n}@example.org") for n in range(6)]

    assert [reply.status_code for reply in replies] == [202] * 6
    assert _stored(page) == 6
    counted = Signature.objects.filter(campaign=campaign_identity(page)).counted()
    assert counted.count() == 3


@pytest.mark.django_db
def test_redis_dying_mid_run_loses_nothing_and_is_used_again_when_back(
    settings, page, redis_cache, caplog
):
    caplog.set_level(logging.WARNING)
    rates(settings, client_burst="1000/minute")
    serve_as_home(page)
    client = Client()
    assert _sign(client, page, "before@example.org").status_code == 202
    assert any(b"throttle" in key for key in redis_cache.stored_keys())

    redis_cache.kill()
    during = [_sign(client, page, f"during{n}@example.org") for n in range(10)]
    _serves_everything(client, page)
    redis_cache.start()
    time.sleep(RETRY_SECONDS * 2)
    after = _sign(client, page, "after@example.org")

    assert [reply.status_code for reply in [*during, after]] == [202] * 11
    assert _stored(page) == 12
    assert any(b"throttle" in key for key in redis_cache.stored_keys())
    assert _logged(caplog, OUTAGE) == 1
    assert _logged(caplog, BACK) == 1


@pytest.mark.django_db
def test_a_campaign_changed_during_the_outage_is_not_served_stale_after_it(
    redis_cache, page
):
    client = Client()
    url = f"/api/v1/campaigns/{campaign_identity(page).public_key}/"
    assert client.get(url).json()["title"] == "Stop the detentions"

    redis_cache.kill()
    page.title = "Free them all"
    page.save_revision().publish()
    assert client.get(url).json()["title"] == "Free them all"
    redis_cache.start()
    time.sleep(RETRY_SECONDS * 2)

    assert client.get(url).json()["title"] == "Free them all"
