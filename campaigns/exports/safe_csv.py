"""CSV that a spreadsheet shows and never evaluates; the one writer of every export."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence

# Excel reads a CSV as the machine's legacy code page unless it starts with the
# UTF-8 byte-order mark: accents and Arabic would come out garbled.
BOM = "\ufeff"
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> str:
    """Return `value` as text a spreadsheet will show, never evaluate."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """A file-like sink whose `write` hands back the line `csv.writer` made."""

    def write(self, value: str) -> str:
        return value


def csv_lines(
    header: Sequence[object], rows: Iterable[Sequence[object]]
) -> Iterator[str]:
    """Yield the header's line (after the byte-order mark), then one line per
    row, every cell neutralized.

    Rows are pulled one at a time, so memory does not grow with their number.
    """
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow([neutralize(cell) for cell in header])
    for row in rows:
        yield writer.writerow([neutralize(cell) for cell in row])
