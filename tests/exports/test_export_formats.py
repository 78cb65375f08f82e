"""What spreadsheets open: a CSV Excel reads as UTF-8, and an XLSX."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.exports.helpers import export, start_url
from tests.partners.signers import sign_through

NAMES = [("Zoë", "Muñoz-Ølund"), ("ليلى", "الحسيني")]


def _sign_everyone(page) -> None:
    for number, (first, last) in enumerate(NAMES):
        sign_through(
            page, None, f"s{number}@example.org", first_name=first, last_name=last
        )


def test_the_csv_starts_with_the_bom_and_keeps_accents_and_arabic(
    page, campaign, client_a
):
    _sign_everyone(page)
    response = client_a.get(start_url(campaign=campaign.pk))
    body = b"".join(response.streaming_content)

    assert body.startswith(b"\xef\xbb\xbf")
    rows = export(client_a, campaign=campaign.pk)
    assert [(row["first_name"], row["last_name"]) for row in rows] == NAMES


def test_the_xlsx_opens_in_openpyxl_with_the_same_rows_as_the_csv(
    page, campaign, client_a
):
    _sign_everyone(page)
    csv_rows = export(client_a, campaign=campaign.pk)

    response = client_a.get(start_url(campaign=campaign.pk, format="xlsx"))

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert "no-store" in response["Cache-Control"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *cells = [
        ["" if value is None else value for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert [dict(zip(header, row, strict=True)) for row in cells] == csv_rows


def test_the_xlsx_keeps_a_formula_looking_answer_as_text(page, campaign, client_a):
    sign_through(page, None, "f@example.org", first_name="=HYPERLINK(1)")

    response = client_a.get(start_url(campaign=campaign.pk, format="xlsx"))

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cell = next(
        c for row in sheet.iter_rows() for c in row if c.value == "=HYPERLINK(1)"
    )
    assert cell.data_type == "s"


def test_the_xlsx_is_refused_to_whoever_may_not_see_the_signers(
    page, campaign, client_none
):
    response = client_none.get(start_url(campaign=campaign.pk, format="xlsx"))

    assert response.status_code == 403
