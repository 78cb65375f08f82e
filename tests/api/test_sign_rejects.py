"""Every bad signing gets a clear 4xx and changes nothing."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from campaigns.api.parsers import BoundedJSONParser, PayloadTooLarge
from campaigns.models import CampaignQuestion, Signature
from tests.api.conftest import VALID, sign_url
from tests.factories import campaign_page


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"first_name": "Ana", "last_name": "Díaz"}, "email"),
        ({**VALID, "email": "ana-at-example.org"}, "email"),
        ({**VALID, "first_name": "A" * 10_000}, "first_name"),
        ({**VALID, "last_name": "Dí\x00az"}, "last_name"),
        ({**VALID, "first_name": 0}, "first_name"),
        ({**VALID, "email": ["ana@example.org"]}, "email"),
        ({**VALID, "consents": "organizer"}, "consents"),
        ({**VALID, "consents": ["not-offered"]}, "consents"),
        ({**VALID, "answers": ["yes"]}, "answers"),
        ({**VALID, "answers": {"no-such-question": "yes"}}, "answers"),
        ({**VALID, "source": {"utm_source": 5}}, "source.utm_source"),
        ({**VALID, "consents": [1]}, "consents.0"),
    ],
    ids=[
        "missing-email",
        "malformed-email",
        "10kb-name",
        "nul-byte",
        "number-for-name",
        "list-for-email",
        "consents-not-a-list",
        "consent-not-offered",
        "answers-not-an-object",
        "answer-to-unknown-question",
        "number-in-source",
        "number-as-consent",
    ],
)
def test_bad_field_is_a_400_naming_the_field(sign, page, body, field):
    response = sign(page.slug, body)

    assert response.status_code == 400
    messages = response.json()["errors"][field]
    assert messages
    assert all(isinstance(message, str) and message for message in messages)
    assert Signature.objects.count() == 0


def test_a_list_as_the_body_is_a_400(sign, page):
    response = sign(page.slug, [VALID])

    assert response.status_code == 400
    assert "non_field_errors" in response.json()["errors"]
    assert Signature.objects.count() == 0


def test_invalid_json_is_a_400(api_client, page):
    response = api_client.post(
        sign_url(page.slug), data='{"email": ', content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert Signature.objects.count() == 0


@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        ("application/x-www-form-urlencoded", "email=ana%40example.org&first_name=A"),
        ("text/plain", json.dumps(VALID)),
        ("multipart/form-data; boundary=x", "--x--"),
    ],
)
def test_non_json_content_type_is_a_415(api_client, page, content_type, data):
    response = api_client.post(
        sign_url(page.slug), data=data, content_type=content_type
    )

    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"
    assert Signature.objects.count() == 0


def test_oversized_body_is_a_413(sign, page, settings):
    settings.UNDERSIGN_MAX_BODY_BYTES = 1024

    response = sign(page.slug, {**VALID, "comment": "x" * 2000})

    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert Signature.objects.count() == 0


def test_reading_more_than_the_limit_is_refused_whatever_was_declared(settings):
    settings.UNDERSIGN_MAX_BODY_BYTES = 16

    with pytest.raises(PayloadTooLarge):
        BoundedJSONParser().parse(io.BytesIO(b'{"email": "' + b"a" * 64 + b'"}'))


def test_unknown_campaign_is_a_json_404(sign, page):
    response = sign("no-such-campaign", VALID)

    assert response.status_code == 404
    assert response.json()["code"] == "campaign_not_found"
    assert Signature.objects.count() == 0


def test_draft_campaign_is_a_404(sign, db):
    draft = campaign_page(publish=False, slug="a-draft")

    response = sign(draft.slug, VALID)

    assert response.status_code == 404
    assert Signature.objects.count() == 0


def test_unpublished_campaign_is_a_404(sign, page):
    page.unpublish()

    response = sign(page.slug, VALID)

    assert response.status_code == 404
    assert Signature.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"state": "closed"}, "closed"),
        ({"state": "won"}, "won"),
        ({"opens_at": timezone.now() + timedelta(days=1)}, "not open"),
    ],
)
def test_closed_campaign_is_a_409_with_its_message(sign, db, fields, message):
    closed = campaign_page(slug="closed-one", **fields)

    response = sign(closed.slug, VALID)

    assert response.status_code == 409
    assert response.json()["code"] == "campaign_closed"
    assert message in response.json()["detail"]
    assert Signature.objects.count() == 0


def test_required_question_unanswered_is_a_400(sign, page):
    CampaignQuestion.objects.create(
        page=page, key="borough", label="Your borough", kind="text", required=True
    )
    page.save_revision().publish()

    response = sign(page.slug, VALID)

    assert response.status_code == 400
    assert "answers.borough" in response.json()["errors"]
    assert Signature.objects.count() == 0
