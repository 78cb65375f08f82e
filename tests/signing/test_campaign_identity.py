"""A campaign keeps its public key through renames; its translations count as one."""

from __future__ import annotations

from wagtail.models import Locale

from campaigns.models import Signature
from campaigns.selectors import campaign_page_for_key, signature_count
from campaigns.services import campaign_identity
from campaigns.signing import SignatureInput, signature_create


def _sign(page, email: str) -> None:
    data = SignatureInput(email=email, first_name="Ana", last_name="Díaz")
    signature_create(page=page, data=data)


def _spanish(page):
    translation = page.copy_for_translation(Locale.objects.create(language_code="es"))
    translation.title = "Detengan las detenciones"
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_renaming_the_slug_keeps_the_public_key_working(page):
    key = campaign_identity(page).public_key
    page.slug = "end-ice-collaboration"
    page.save_revision().publish()

    found = campaign_page_for_key(key)

    assert found is not None
    assert found.pk == page.pk
    assert found.slug == "end-ice-collaboration"
    assert campaign_identity(found).public_key == key
    assert campaign_page_for_key("end-ice-collaboration").pk == page.pk


def test_an_unknown_key_finds_nothing(page):
    assert campaign_page_for_key("no-such-campaign") is None


def test_the_spanish_translation_is_found_by_the_same_key(page):
    spanish = _spanish(page)
    key = campaign_identity(page).public_key

    assert campaign_page_for_key(key, "es").pk == spanish.pk
    assert campaign_page_for_key(key, "en").pk == page.pk
    assert campaign_page_for_key(key, "fr").pk == page.pk


def test_a_signature_on_the_spanish_page_counts_toward_the_same_campaign(page):
    spanish = _spanish(page)

    _sign(page, "ana@example.com")
    _sign(spanish, "beto@example.com")

    campaign = campaign_identity(page)
    assert campaign_identity(spanish) == campaign
    assert signature_count(campaign) == 2
    assert set(Signature.objects.values_list("campaign", flat=True)) == {campaign.pk}
    assert Signature.objects.get(email_domain="example.com", language="es")


def test_one_signer_on_both_translations_is_one_signature(page):
    spanish = _spanish(page)

    _sign(page, "ana@example.com")
    _sign(spanish, "ANA@example.com")

    assert Signature.objects.count() == 1
