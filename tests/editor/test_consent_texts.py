"""The Form tab shows the exact consent texts and the versions signers agreed to."""

from __future__ import annotations

import json

from campaigns.selectors import consent_texts, recorded_consent_versions
from tests.factories import PartnerFactory, link_partner


def sign(api_client, page, email, consents, partner=""):
    body = {"email": email, "first_name": "Ana", "last_name": "Ruiz"}
    body.update(consents=consents, partner=partner)
    return api_client.post(
        f"/api/v1/campaigns/{page.slug}/signatures/",
        data=json.dumps(body),
        content_type="application/json",
    )


def test_every_consent_box_is_listed_with_its_exact_words(page, partner):
    link_partner(
        page, PartnerFactory(name="Tenants", slug="tenants"), "Tenants may write"
    )

    texts = [(consent.key, consent.label) for consent in consent_texts(page)]

    assert texts == [
        ("organizer", "Keep me updated about this campaign"),
        ("partner:make-the-road", "Allow Make the Road to contact me"),
        ("partner:tenants", "Tenants may write"),
        ("display", "Show my first name and last initial among recent signers"),
    ]


def test_partners_keep_the_order_they_were_added_in_after_an_edit(page, partner):
    link_partner(page, PartnerFactory(name="Tenants", slug="tenants"))
    first = page.campaign_partners.get(partner=partner)
    first.partner = PartnerFactory(name="Mistaken", slug="mistaken")
    first.save()
    first.partner = partner
    first.save()

    keys = [consent.key for consent in consent_texts(page)]

    assert keys == ["organizer", "partner:make-the-road", "partner:tenants", "display"]


def test_a_changed_label_is_a_new_recorded_version(api_client, page, partner):
    sign(api_client, page, "a@example.org", ["organizer"])
    page.organizer_consent_label = "Email me about libraries"
    page.save_revision().publish()
    sign(api_client, page, "b@example.org", ["organizer"])
    sign(
        api_client,
        page,
        "c@example.org",
        ["organizer", f"partner:{partner.slug}"],
        partner=partner.slug,
    )

    recorded = {
        (row.version.kind, row.version.text): row.signatures
        for row in recorded_consent_versions(page)
    }

    assert recorded == {
        ("organizer", "Keep me updated about this campaign"): 1,
        ("organizer", "Email me about libraries"): 2,
        ("partner", "Allow Make the Road to contact me"): 1,
    }


def test_the_form_tab_shows_texts_note_and_versions(
    admin_client, api_client, page, partner
):
    sign(api_client, page, "a@example.org", ["organizer"])

    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()

    assert "each change to a text creates a new recorded version" in html
    assert (
        '<q data-consent-key="organizer">Keep me updated about this campaign</q>'
        in html
    )
    partner_box = '<q data-consent-key="partner:make-the-road">Allow Make the Road'
    assert partner_box + " to contact me</q>" in html
    assert "Versions recorded with signatures" in html
