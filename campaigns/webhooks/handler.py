"""The webhook delivery handler: POST the signed record; 2xx is done, all else retries.

Delivery is at least once: a worker that dies after sending and before recording
it sends again with the same `webhook-id`, on which receivers dedupe.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from datetime import timedelta

from campaigns.crypto import keyed_hash
from campaigns.deliveries.dispatcher import retry_for
from campaigns.deliveries.outbox import WEBHOOK_SIGNATURE, WEBHOOK_WITHDRAWAL
from campaigns.deliveries.registry import DeliveryError, DeliverySkipped, handles
from campaigns.models import Delivery
from campaigns.webhooks.payload import webhook_body
from campaigns.webhooks.signing import (
    UnusableSecret,
    signature_header,
    signing_secrets,
)

TIMEOUT_SECONDS = 10
RETRY_WINDOW = timedelta(hours=24)
USER_AGENT = "Undersign-Webhooks/1"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # urllib would turn a redirected POST into a GET without the body: a redirect
    # is a failure the partner must fix, reported as its status.
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def message_id(delivery: Delivery) -> str:
    """Return the delivery's `webhook-id`: the same on every retry, and opaque."""
    return "msg_" + keyed_hash(str(delivery.pk), "webhook-id")[:32]


def webhook_headers(
    delivery: Delivery, secrets_in_use: list[str], body: bytes
) -> dict[str, str]:
    """Return the Standard Webhooks headers of one attempt, signed now."""
    msg_id, timestamp = message_id(delivery), int(time.time())
    return {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature_header(secrets_in_use, msg_id, timestamp, body),
    }


def _post(url: str, body: bytes, headers: dict[str, str]) -> None:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - staff set http(s) URLs only
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        raise DeliveryError(f"HTTP {error.code}") from None
    except urllib.error.URLError as error:
        raise DeliveryError(f"network error: {type(error.reason).__name__}") from None
    except (TimeoutError, ConnectionError) as error:
        raise DeliveryError(f"network error: {type(error).__name__}") from None
    if not 200 <= status < 300:
        raise DeliveryError(f"HTTP {status}")


@handles(WEBHOOK_SIGNATURE)
@handles(WEBHOOK_WITHDRAWAL)
def deliver_webhook(delivery: Delivery) -> None:
    """POST `delivery`'s record to its partner; skip it if nothing is owed anymore."""
    partner = delivery.partner
    if partner is None or not partner.webhook_url:
        raise DeliverySkipped("skipped: the partner has no webhook URL")
    body = webhook_body(delivery, partner)
    if body is None:
        raise DeliverySkipped("skipped: no longer owed to this partner")
    secrets_in_use = signing_secrets(partner)
    if not secrets_in_use:
        raise DeliveryError("the partner has no webhook secret yet")
    try:
        headers = webhook_headers(delivery, secrets_in_use, body)
    except UnusableSecret:
        raise DeliveryError(
            "the webhook secret predates Standard Webhooks: generate a new one"
        ) from None
    _post(partner.webhook_url, body, headers)


retry_for(WEBHOOK_SIGNATURE, RETRY_WINDOW)
retry_for(WEBHOOK_WITHDRAWAL, RETRY_WINDOW)
