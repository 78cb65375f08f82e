"""A signing through the service stores one signature with what the signer gave."""

from __future__ import annotations

from campaigns.deliveries.outbox import EMAIL_THANKS
from campaigns.models import ConsentVersion, Delivery, Signature
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from campaigns.signing import Outcome, SignatureInput, signature_create
from campaigns.signing.consents import offered_consents
from tests.factories import PartnerFactory, campaign_page, link_partner


def _sign(page, **fields):
    data = {"email": "ana@example.com", "first_name": "Ana", "last_name": "Díaz"}
    data.update(fields)
    return signature_create(page=page, data=SignatureInput(**data))


def test_signing_stores_one_signature_with_the_given_fields(page, partner):
    result = _sign(
        page,
        postal_code="11211",
        partner_key=partner.slug,
        language="es",
        source={"utm_source": "newsletter", "referrer": "https://partner.example/p?x"},
    )

    assert result.outcome is Outcome.NEW
    signature = Signature.objects.get()
    assert signature.campaign == campaign_identity(page)
    assert signature.partner == partner
    assert signature.partner_key == "make-the-road"
    assert signature.identity.email == "ana@example.com"
    assert signature.identity.first_name == "Ana"
    assert signature.identity.last_name == "Díaz"
    assert signature.postal_code == "11211"
    assert signature.email_domain == "example.com"
    assert signature.language == "es"
    assert signature.source == {
        "utm_source": "newsletter",
        "referrer": "https://partner.example",
    }
    assert signature.status == Signature.Status.CONFIRMED
    assert signature_count(campaign_identity(page)) == 1


def test_consents_point_at_versions_holding_the_offered_labels(page, partner):
    _sign(
        page,
        partner_key=partner.slug,
        consents=["organizer", "partner:" + partner.slug],
    )

    offered = {c.key: c.label for c in offered_consents(page, partner)}
    versions = ConsentVersion.objects.filter(
        pk__in=Signature.objects.get().consents.values("version"),
        kind__in=["organizer", "partner"],
    )
    assert {(v.kind, v.text) for v in versions} == {
        ("organizer", offered["organizer"]),
        ("partner", offered["partner:make-the-road"]),
    }


def test_unticked_consents_are_not_recorded(page):
    _sign(page)

    # Only the privacy statement shown is recorded: no box was ticked.
    kinds = Signature.objects.get().consents.values_list("version__kind", flat=True)
    assert list(kinds) == ["privacy"]


def test_a_changed_label_makes_a_new_version_and_old_signatures_keep_theirs(page):
    _sign(page, consents=["organizer"])
    page.organizer_consent_label = "Send me news from ICE-Free NYC"
    page.save_revision().publish()
    _sign(page, email="ben@example.com", consents=["organizer"])

    first, second = (
        s.consents.get(version__kind="organizer").version
        for s in Signature.objects.order_by("created_at", "pk")
    )
    assert first.text == "Keep me updated about this campaign"
    assert second.text == "Send me news from ICE-Free NYC"
    assert first.pk != second.pk


def test_the_same_label_reuses_one_version(page):
    _sign(page, consents=["organizer"])
    _sign(page, email="ben@example.com", consents=["organizer"])

    assert ConsentVersion.objects.filter(kind="organizer").count() == 1


def test_signatures_through_a_partner_in_test_mode_are_marked_and_not_counted(db):
    page = campaign_page()
    tester = PartnerFactory(slug="tester", is_test_mode=True)
    link_partner(page, tester)

    _sign(page, partner_key="tester")

    assert Signature.objects.get().is_test
    assert signature_count(campaign_identity(page)) == 0


def test_an_unknown_partner_key_is_kept_not_refused(page):
    result = _sign(page, partner_key="make-the-raod")

    assert result.outcome is Outcome.NEW
    signature = Signature.objects.get()
    assert signature.partner is None
    assert signature.partner_key == "make-the-raod"
    assert signature_count(campaign_identity(page)) == 1


def test_double_opt_in_signatures_wait_for_confirmation_and_do_not_count(db):
    page = campaign_page(double_opt_in=True)

    result = _sign(page)

    assert result.confirmation_required
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.confirmed_at is None
    assert signature_count(campaign_identity(page)) == 0


def test_every_signing_writes_a_thank_you_email_delivery(page):
    _sign(page)

    delivery = Delivery.objects.get()
    assert delivery.kind == EMAIL_THANKS
    assert delivery.signature == Signature.objects.get()
    assert delivery.state == Delivery.State.PENDING
