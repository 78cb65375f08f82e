"""A dispatcher killed at any point: the webhook still arrives, duplicated at most as
the at-least-once contract allows, with the same `webhook-id`."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from campaigns.deliveries import dispatcher
from campaigns.deliveries.dispatcher import claim_due, dispatch_once
from campaigns.deliveries.registry import handler_for
from campaigns.models import Delivery
from campaigns.webhooks.handler import message_id
from tests.partners.signers import sign_through


class Killed(BaseException):
    """Stands for the process dying: not an `Exception`, so nothing catches it."""


def _lease_runs_out() -> None:
    Delivery.objects.update(leased_until=timezone.now() - timedelta(seconds=1))


@pytest.fixture
def webhook(page, hooked_partner) -> Delivery:
    partner, _secret = hooked_partner
    sign_through(page, partner, "ana@example.org")
    # Only the webhook is under test; the signer's email is another handler's.
    Delivery.objects.filter(partner__isnull=True).update(state=Delivery.State.DONE)
    return Delivery.objects.get(partner=partner)


def test_killed_after_claiming_another_worker_delivers_once_the_lease_ends(
    webhook, receiver
):
    assert [claimed.pk for claimed in claim_due()] == [webhook.pk]
    assert dispatch_once() == 0  # still leased to the dead worker

    _lease_runs_out()
    dispatch_once()

    webhook.refresh_from_db()
    assert webhook.state == Delivery.State.DONE
    assert webhook.attempts == 2
    assert len(receiver.received) == 1


def test_killed_after_sending_it_is_sent_again_with_the_same_delivery_id(
    webhook, receiver
):
    [claimed] = claim_due()
    handler_for(claimed.kind)(claimed)  # the POST went out; then the worker died

    _lease_runs_out()
    dispatch_once()

    webhook.refresh_from_db()
    assert webhook.state == Delivery.State.DONE
    ids = [request.headers["webhook-id"] for request in receiver.received]
    assert ids == [message_id(webhook)] * 2


def test_killed_while_marking_done_it_is_redelivered_with_the_same_id(
    webhook, receiver
):
    real_update = Delivery.objects.filter(pk=webhook.pk).update

    def die_on_done(**fields: object) -> int:
        if fields.get("state") == Delivery.State.DONE:
            raise Killed
        return real_update(**fields)

    [claimed] = claim_due()
    with (
        mock.patch.object(dispatcher.Delivery.objects, "filter") as filter_,
        pytest.raises(Killed),
    ):
        filter_.return_value.update.side_effect = die_on_done
        dispatcher.run(claimed)

    _lease_runs_out()
    dispatch_once()

    webhook.refresh_from_db()
    assert webhook.state == Delivery.State.DONE
    assert len(receiver.received) == 2
    assert len({r.headers["webhook-id"] for r in receiver.received}) == 1


def test_killed_after_marking_done_nothing_is_sent_again(webhook, receiver):
    dispatch_once()

    _lease_runs_out()
    assert dispatch_once() == 0

    webhook.refresh_from_db()
    assert webhook.state == Delivery.State.DONE
    assert len(receiver.received) == 1
