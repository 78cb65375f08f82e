"""XLSX exports, written with openpyxl as Wagtail's own spreadsheet export is."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cells(sheet: Any, row: Sequence[object]) -> Iterator[WriteOnlyCell]:
    for value in row:
        if isinstance(value, str):
            # Characters XML cannot carry would abort the whole file.
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = WriteOnlyCell(sheet, value)
        if cell.data_type == "f":
            # As Wagtail does: text that looks like a formula stays text.
            cell.data_type = "s"
        yield cell


def xlsx_workbook(
    header: Sequence[object], rows: Iterable[Sequence[object]]
) -> BytesIO:
    """Return an XLSX file of `header` and `rows`, every cell kept as written."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Signers")
    sheet.append(list(_cells(sheet, header)))
    for row in rows:
        sheet.append(list(_cells(sheet, row)))
    output = BytesIO()
    workbook.save(output)
    output.seek(0)
    return output
