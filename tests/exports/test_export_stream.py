"""A small export streams at once: one row per signature, formula-safe, filtered."""

from __future__ import annotations

import pytest

from campaigns.exports.safe_csv import csv_lines, neutralize
from campaigns.models import CampaignQuestion, Signature
from tests.exports.helpers import export, start_url
from tests.factories import PartnerFactory, link_partner
from tests.partners.signers import sign_through


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_like_a_formula_is_neutralized(start):
    assert neutralize(f"{start}SUM(A1)") == f"'{start}SUM(A1)"


def test_other_cells_and_empty_values_are_unchanged():
    assert neutralize("Ana") == "Ana"
    assert neutralize(None) == ""
    assert neutralize(12) == "12"


def test_csv_lines_neutralize_every_cell_and_quote_separators():
    lines = list(csv_lines(["a", "b"], [["=1+1", "x,y"], ["\r\nz", "ok"]]))

    assert lines == ["\ufeffa,b\r\n", '\'=1+1,"x,y"\r\n', '"\'\r\nz",ok\r\n']


def test_the_export_has_one_row_per_signature_with_the_asked_fields(
    page, campaign, client_a
):
    sign_through(page, None, "ana@example.org", postal_code="10001")
    sign_through(page, None, "bo@example.org", first_name="Bo", last_name="Li")

    rows = export(client_a, campaign=campaign.pk)

    assert [row["email"] for row in rows] == ["ana@example.org", "bo@example.org"]
    first = rows[0]
    assert first["campaign"] == campaign.public_key
    assert first["campaign_title"] == page.title
    assert first["first_name"] == "Ana"
    assert first["last_name"] == "Díaz"
    assert first["postal_code"] == "10001"
    assert first["status"] == Signature.Status.CONFIRMED
    assert first["confirmed"]
    # Not asked by this petition: no column for it.
    assert "phone" not in first
    assert "address" not in first


def test_formulas_typed_by_signers_are_neutralized_in_the_export(
    page, campaign, client_a
):
    sign_through(page, None, "ana@example.org", first_name="=1+1", last_name="@SUM")
    sign_through(page, None, "bo@example.org", first_name="+cmd", last_name="-2")

    rows = export(client_a, campaign=campaign.pk)

    names = {(row["first_name"], row["last_name"]) for row in rows}
    assert names == {("'=1+1", "'@SUM"), ("'+cmd", "'-2")}


def test_answers_and_consents_with_their_labels_are_exported(page, campaign, client_a):
    CampaignQuestion.objects.create(
        page=page, key="borough", label="Your borough", kind="text"
    )
    CampaignQuestion.objects.create(
        page=page, key="member", label="Member?", kind="checkbox"
    )
    partner = PartnerFactory(name="Make the Road", slug="make-the-road")
    link_partner(page, partner)
    page.refresh_from_db()
    sign_through(
        page,
        partner,
        "ana@example.org",
        answers={"borough": "Queens", "member": True},
    )

    [row] = export(client_a, campaign=campaign.pk)

    assert row["answer:borough"] == "Queens"
    assert row["answer:member"] == "yes"
    assert row["partner"] == "make-the-road"
    assert row["consents"] == "partner: Allow Make the Road to contact me"


def test_filters_narrow_the_export(page, campaign, client_a):
    partner = PartnerFactory(name="Make the Road", slug="make-the-road")
    link_partner(page, partner)
    sign_through(page, partner, "ana@example.org")
    sign_through(page, None, "bo@example.org")

    by_partner = export(client_a, campaign=campaign.pk, partner=partner.pk)
    by_status = export(client_a, campaign=campaign.pk, status="withdrawn")

    assert [row["email"] for row in by_partner] == ["ana@example.org"]
    assert by_status == []


def test_a_search_by_blind_index_finds_one_signer(page, campaign, client_a):
    ana = sign_through(page, None, "ana@example.org")
    sign_through(page, None, "bo@example.org")

    rows = export(client_a, campaign=campaign.pk, signer=ana.email_index)

    assert [row["email"] for row in rows] == ["ana@example.org"]


def test_an_invalid_filter_is_refused_rather_than_ignored(page, campaign, client_a):
    sign_through(page, None, "ana@example.org")

    response = client_a.get(start_url(campaign=campaign.pk, status="nonsense"))

    assert response.status_code == 400


def test_a_campaign_that_is_not_a_number_is_refused(page, client_a):
    response = client_a.get(start_url(campaign="abc"))

    assert response.status_code == 403
