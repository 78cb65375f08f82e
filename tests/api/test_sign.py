"""Signing through the API stores exactly what the signer sent, once."""

from __future__ import annotations

import pytest

from campaigns.models import Signature, SignatureConsent
from tests.api.conftest import VALID


def test_signing_stores_one_signature_with_fields_consents_and_partner(
    sign, page, partner
):
    body = {
        **VALID,
        "postal_code": "11211",
        "partner": "make-the-road",
        "consents": ["organizer", "partner:make-the-road"],
        "source": {"utm_source": "newsletter", "referrer": "https://partner.example/x"},
        "language": "en",
    }

    response = sign(page.slug, body)

    assert response.status_code == 202
    signature = Signature.objects.get()
    assert signature.identity.email == "ana@example.org"
    assert signature.identity.first_name == "Ana"
    assert signature.identity.last_name == "Díaz"
    assert signature.postal_code == "11211"
    assert signature.partner == partner
    assert signature.source == {
        "utm_source": "newsletter",
        "referrer": "https://partner.example",
    }
    texts = {
        c.version.text
        for c in SignatureConsent.objects.filter(signature=signature).exclude(
            version__kind="privacy"
        )
    }
    assert texts == {
        "Keep me updated about this campaign",
        "Allow Make the Road to contact me",
    }


def test_consent_text_stored_is_the_label_the_detail_showed(
    api_client, sign, page, partner
):
    shown = api_client.get(f"/api/v1/campaigns/{page.slug}/?partner=make-the-road")
    labels = {c["key"]: c["label"] for c in shown.json()["consents"]}

    sign(
        page.slug,
        {**VALID, "partner": "make-the-road", "consents": ["partner:make-the-road"]},
    )

    version = SignatureConsent.objects.get(version__kind="partner").version
    assert version.text == labels["partner:make-the-road"]


def test_success_reply_is_constant_and_reveals_nothing(sign, page):
    response = sign(page.slug, VALID)

    assert response.json() == {"status": "received", "confirmation_required": False}


def test_double_opt_in_campaign_says_confirmation_is_required(sign, page):
    page.double_opt_in = True
    page.save_revision().publish()

    response = sign(page.slug, VALID)

    assert response.status_code == 202
    assert response.json()["confirmation_required"] is True


def test_repeat_signer_gets_a_byte_identical_reply(sign, page):
    first = sign(page.slug, VALID, **{"Idempotency-Key": "first-try"})
    again = sign(page.slug, VALID, **{"Idempotency-Key": "another-try"})

    assert again.status_code == first.status_code == 202
    assert again.content == first.content
    assert Signature.objects.count() == 1


def test_unknown_partner_key_is_kept_not_refused(sign, page):
    response = sign(page.slug, {**VALID, "partner": "make-the-raod"})

    assert response.status_code == 202
    signature = Signature.objects.get()
    assert signature.partner is None
    assert signature.partner_key == "make-the-raod"


@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [("José", "Pérez"), ("王秀英", "王"), ("محمد", "عبد الله"), ("Nguyễn Thị", "Minh")],
)
def test_names_in_any_script_round_trip(sign, page, first_name, last_name):
    response = sign(
        page.slug, {**VALID, "first_name": first_name, "last_name": last_name}
    )

    assert response.status_code == 202
    identity = Signature.objects.get().identity
    assert (identity.first_name, identity.last_name) == (first_name, last_name)


def test_html_typed_into_a_name_is_stored_verbatim_as_text(sign, page):
    name = '<b onmouseover="alert(1)">Ana</b>'

    response = sign(page.slug, {**VALID, "first_name": name})

    assert response.status_code == 202
    assert Signature.objects.get().identity.first_name == name


def test_sign_response_sets_no_cookies(sign, page):
    response = sign(page.slug, VALID)

    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers


def test_signer_language_is_stored(sign, page):
    sign(page.slug, {**VALID, "language": "es"})

    assert Signature.objects.get().language == "es"
