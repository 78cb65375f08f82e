"""New, repeat, throttled, trapped, too fast, forged, invalidated: one reply.

Whatever happened to a signing, the bytes a client gets back are the same, so
neither a bot nor a snoop learns whether an address signed or a check caught it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from campaigns.models import Signature
from tests.abuse.conftest import SIGNER, old_token, rates

EMBED = "/embed/stop-the-detentions/"
CASES = [
    "new",
    "repeat",
    "throttled",
    "honeypot",
    "too_fast",
    "bad_token",
    "invalidated",
]
THROTTLED_IP = "198.51.100.66"


def _invalidate(email: str) -> None:
    signature = next(s for s in Signature.objects.all() if s.identity.email == email)
    Signature.objects.filter(pk=signature.pk).update(
        moderation=Signature.Moderation.INVALIDATED,
        moderation_reason=Signature.Reason.MODERATOR,
    )


def _prepare(case: str, page, send: Callable[..., Any]) -> dict[str, object]:
    """Set the scene for `case`; return the signing to send (with its `ip`)."""
    email = f"{case}@example.org"
    if case in {"repeat", "invalidated"}:
        send(ip="198.51.100.1", email=email, form_token=old_token(page))
        if case == "invalidated":
            _invalidate(email)
    if case == "throttled":
        send(ip=THROTTLED_IP, email="first@example.org", form_token=old_token(page))
    tokens = {"too_fast": old_token(page, 0), "bad_token": "forged"}
    fields: dict[str, object] = {
        "email": email,
        "form_token": tokens.get(case, old_token(page)),
        "ip": THROTTLED_IP if case == "throttled" else f"198.51.100.{len(case)}",
    }
    if case == "honeypot":
        fields["website"] = "https://spam.example"
    return fields


def _outcome(case: str) -> tuple[str, str]:
    signature = next(
        s
        for s in Signature.objects.order_by("-pk")
        if s.identity.email.startswith(case)
    )
    return signature.moderation, signature.moderation_reason


EXPECTED = {
    "new": ("ok", ""),
    "repeat": ("ok", ""),
    "throttled": ("flagged", "throttled"),
    "honeypot": ("flagged", "honeypot"),
    "too_fast": ("flagged", "too_fast"),
    "bad_token": ("flagged", "bad_token"),
    "invalidated": ("invalidated", "moderator"),
}


@pytest.fixture
def armed(settings, defences) -> None:
    rates(settings, client_burst="1/minute")


def test_the_api_gives_every_case_the_same_bytes(armed, page, api_client):
    def send(ip: str, **body: object) -> Any:
        return api_client.post(
            f"/api/v1/campaigns/{page.slug}/signatures/",
            data=json.dumps({**SIGNER, **body}),
            content_type="application/json",
            REMOTE_ADDR=ip,
            headers={"Origin": "http://testserver"},
        )

    replies = {}
    for case in CASES:
        replies[case] = send(**_prepare(case, page, send))

    shapes = {
        case: (r.status_code, r.content, sorted(r.headers.items()), r.cookies.output())
        for case, r in replies.items()
    }
    assert replies["new"].status_code == 202
    assert {"Content-Type", "Content-Length", "Vary"} <= set(replies["new"].headers)
    for case in CASES:
        assert shapes[case] == shapes["new"], case
        assert _outcome(case) == EXPECTED[case], case


@pytest.mark.parametrize("url", ["/en/", EMBED])
def test_the_no_javascript_forms_give_every_case_the_same_page(
    armed, hosted, client, url
):
    def send(ip: str, **data: object) -> Any:
        return client.post(
            url,
            {**SIGNER, **data},
            REMOTE_ADDR=ip,
            headers={"Origin": "http://testserver"},
        )

    # The frame refuses a bad token openly (403): it stands in for the CSRF
    # check, which refuses the same way on the hosted page.
    cases = [case for case in CASES if not (url == EMBED and case == "bad_token")]
    replies = {case: send(**_prepare(case, hosted, send)) for case in cases}

    def shape(response) -> tuple[object, ...]:
        # The thanks cookie carries a signed, timestamped name and a clock-made
        # expiry: compare its form.
        cookies = {
            name: {k: v for k, v in morsel.items() if v and k != "expires"}
            for name, morsel in response.cookies.items()
        }
        return (
            response.status_code,
            response.content,
            sorted(response.headers.items()),
            cookies,
        )

    assert replies["new"].status_code == 302
    for case in cases:
        assert shape(replies[case]) == shape(replies["new"]), case
        assert _outcome(case) == EXPECTED[case], case
