"""Bad input is refused field by field, and a refused signing changes nothing."""

from __future__ import annotations

import pytest

from campaigns.models import ConsentVersion, Delivery, Signature
from campaigns.signing import SignatureInput, SignatureInvalid, signature_create

VALID = {"email": "ana@example.com", "first_name": "Ana", "last_name": "Díaz"}
ANSWERS = {"borough": "Bronx", "story": "I live here", "resident": True}


def _refused(page, **changes) -> dict[str, list[str]]:
    """Sign with `changes` applied; return the errors, checking nothing was stored."""
    with pytest.raises(SignatureInvalid) as refused:
        signature_create(page=page, data=SignatureInput(**{**VALID, **changes}))
    assert not Signature.objects.exists()
    assert not Delivery.objects.exists()
    assert not ConsentVersion.objects.exists()
    return refused.value.errors


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": ""}, "email"),
        ({"email": "   "}, "email"),
        ({"email": "not-an-email"}, "email"),
        ({"email": "ana@"}, "email"),
        ({"email": "ana@example.com\nBcc: x@example.com"}, "email"),
        ({"email": 42}, "email"),
        ({"email": None}, "email"),
        ({"first_name": "A" * 10_240}, "first_name"),
        ({"first_name": "Ana\x00"}, "first_name"),
        ({"last_name": "Díaz\x07"}, "last_name"),
        ({"first_name": 42}, "first_name"),
        ({"first_name": ["Ana"]}, "first_name"),
        ({"first_name": ""}, "first_name"),
        ({"last_name": "   "}, "last_name"),
        ({"postal_code": "<script>"}, "postal_code"),
        ({"phone": "+1 212 555 0100"}, "phone"),
        ({"comment": "I was not asked for this"}, "comment"),
        ({"consents": ["partner:nobody"]}, "consents"),
        ({"consents": ["organizer", "anything"]}, "consents"),
        ({"source": {"utm_source": "x", "tracker_id": "y"}}, "source"),
        ({"source": ["utm_source"]}, "source"),
        ({"source": {"utm_source": 5}}, "source"),
        ({"source": {"referrer": "javascript:alert(1)"}}, "source"),
        ({"answers": {"favourite_colour": "blue"}}, "answers"),
        ({"answers": "yes"}, "answers"),
    ],
)
def test_bad_input_is_refused_for_its_field(page, changes, field):
    errors = _refused(page, **changes)

    assert field in errors
    assert all(isinstance(message, str) and message for message in errors[field])


def test_all_bad_fields_are_reported_at_once(page):
    errors = _refused(page, email="nope", first_name="", phone="555")

    assert set(errors) == {"email", "first_name", "phone"}


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"borough": "Bronx", "story": "Here"}, "answers.resident"),
        ({"borough": "Bronx", "resident": True}, "answers.story"),
        ({"story": "Here", "resident": True}, "answers.borough"),
        ({**ANSWERS, "resident": False}, "answers.resident"),
        ({**ANSWERS, "story": "   "}, "answers.story"),
        ({**ANSWERS, "borough": "Staten Island"}, "answers.borough"),
        ({**ANSWERS, "resident": "yes"}, "answers.resident"),
        ({**ANSWERS, "story": 7}, "answers.story"),
        ({**ANSWERS, "pets": "two"}, "answers"),
    ],
)
def test_bad_answers_to_custom_questions_are_refused(
    page_with_questions, answers, field
):
    errors = _refused(page_with_questions, answers=answers)

    assert field in errors


def test_required_questions_answered_are_stored_with_optional_ones_defaulted(
    page_with_questions,
):
    signature_create(
        page=page_with_questions, data=SignatureInput(**VALID, answers=ANSWERS)
    )

    assert Signature.objects.get().identity.answers == {
        **ANSWERS,
        "volunteer": False,
    }
