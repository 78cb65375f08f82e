"""Said before signing: who gets the details, how long, what the target gets."""

from __future__ import annotations

from datetime import date

import pytest

from campaigns.models import ConsentVersion, SignatureConsent
from campaigns.privacy import privacy_statement

pytestmark = pytest.mark.django_db


def _told(email: str) -> ConsentVersion:
    """Return the privacy statement recorded with `email`'s signature."""
    from campaigns.crypto import email_index

    return SignatureConsent.objects.get(
        signature__email_index=email_index(email),
        version__kind=ConsentVersion.Kind.PRIVACY,
    ).version


def test_signing_records_the_statement_the_form_showed(page, sign):
    sign(page, "ana@example.org")

    told = _told("ana@example.org")
    assert told.text == privacy_statement(page, None)
    assert "ICE-Free NYC gets your details." in told.text
    assert told.language == "en"


def test_statement_says_until_when_details_are_kept(page):
    page.keep_data_until = date(2031, 3, 9)

    assert "We keep your details until March 9, 2031." in privacy_statement(page, None)


def test_statement_names_the_partner_only_when_its_box_is_shown(page, partner, sign):
    sign(page, "ana@example.org")
    sign(page, "ben@example.org", partner_key="make-the-road")

    alone, with_partner = _told("ana@example.org"), _told("ben@example.org")
    assert "Make the Road" not in alone.text
    assert "Make the Road gets them only if you tick its box." in with_partner.text
    assert alone.digest != with_partner.digest


def test_an_unlinked_partner_is_not_named(page, sign):
    from tests.factories import PartnerFactory

    PartnerFactory(name="Stranger Org", slug="stranger")

    sign(page, "ana@example.org", partner_key="stranger")

    assert "Stranger Org" not in _told("ana@example.org").text


def test_same_statement_is_stored_once(page, sign):
    sign(page, "ana@example.org")
    sign(page, "ben@example.org")

    assert ConsentVersion.objects.filter(kind=ConsentVersion.Kind.PRIVACY).count() == 1


def test_statement_says_whether_names_go_to_the_target(page):
    assert "Your name is not given to Mayor of New York" in privacy_statement(
        page, None
    )

    page.names_to_target = True

    assert "Your name goes to Mayor of New York with the petition." in (
        privacy_statement(page, None)
    )


def test_statement_is_recorded_in_the_signers_language(page, sign):
    page.keep_data_until = date(2031, 3, 9)
    page.save_revision().publish()

    sign(page, "ana@example.org", language="es")

    told = _told("ana@example.org")
    assert told.language == "es"
    assert "marzo" in told.text  # the date as a Spanish reader reads it
