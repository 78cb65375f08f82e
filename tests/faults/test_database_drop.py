"""The PostgreSQL connection dropped mid-request (the server ends the backend, as
a restart or failover would): a signing is answered 503 "try again" and stored
once when the client sends it again with the same idempotency key."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from django.db import connection
from django.test import Client

from campaigns.models import Delivery, Signature
from campaigns.services import campaign_identity
from tests.factories import campaign_page

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_tree_after_module"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="ends a PostgreSQL backend"
    ),
]
KEY = "retry-me-0001"


def _terminate_backend(pid: int) -> None:
    """End the backend `pid` from another connection, as an administrator would."""
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def _dropping_at(fragment: str) -> Callable[..., Any]:
    """Return an execute wrapper that ends this connection's backend just before
    the first statement containing `fragment`."""
    fired = []

    def wrapper(execute, sql, params, many, context):
        if fragment in sql and not fired:
            fired.append(sql)
            _terminate_backend(context["connection"].connection.info.backend_pid)
        return execute(sql, params, many, context)

    return wrapper


def _sign(client: Client, key: str):
    return client.post(
        f"/api/v1/campaigns/{key}/signatures/",
        data=json.dumps({"email": "ana@example.org", "first_name": "Ana"}),
        content_type="application/json",
        headers={"Idempotency-Key": KEY},
    )


@pytest.mark.parametrize(
    "statement",
    [
        'INSERT INTO "undersign_campaigns_signature"',
        'INSERT INTO "undersign_campaigns_delivery"',
    ],
)
def test_a_signing_cut_off_by_the_database_is_answered_try_again_and_stored_once(
    wagtail_tree, statement
):
    page = campaign_page(first_name_rule="optional", last_name_rule="optional")
    key = campaign_identity(page).public_key
    client = Client(raise_request_exception=False)

    with connection.execute_wrapper(_dropping_at(statement)):
        cut_off = _sign(client, key)
    retried = _sign(client, key)
    again = _sign(client, key)

    assert cut_off.status_code == 503
    assert cut_off.json()["code"] == "try_again"
    assert cut_off["Retry-After"]
    assert retried.status_code == again.status_code == 202
    assert Signature.objects.filter(idempotency_key=KEY).count() == 1
    assert Delivery.objects.filter(signature__idempotency_key=KEY).count() == 1
