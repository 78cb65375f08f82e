"""Reading an uploaded CSV of paper signatures into rows, or refusing the file."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from campaigns.conf import conf
from campaigns.models import CampaignPage, CampaignQuestion
from campaigns.models.page import STANDARD_FIELDS, FieldRule

EMAIL = "email"
ANSWER_PREFIX = "answer:"


class FileRefused(ValueError):
    """The file as a whole cannot be imported; the message says why, for the user."""


def _column(name: str) -> str:
    # "First name", "first-name" and "first_name" are one column.
    name = name.strip().lower()
    if name.startswith(ANSWER_PREFIX):
        return ANSWER_PREFIX + name[len(ANSWER_PREFIX) :].strip()
    return re.sub(r"[\s\-]+", "_", name)


def known_columns(questions: Iterable[CampaignQuestion]) -> list[str]:
    """Return the columns a file may have for a page asking `questions` (the
    export's names)."""
    answers = [ANSWER_PREFIX + q.key for q in questions]
    return [EMAIL, *STANDARD_FIELDS, *answers]


def required_columns(
    page: CampaignPage, questions: Iterable[CampaignQuestion]
) -> list[str]:
    """Return the columns a file for `page` must have: its required fields."""
    rules = page.field_rules()
    fields = [name for name in STANDARD_FIELDS if rules[name] == FieldRule.REQUIRED]
    answers = [ANSWER_PREFIX + q.key for q in questions if q.required]
    return fields + answers


def _decode(data: bytes) -> str:
    if len(data) > conf.PAPER_MAX_BYTES:
        raise FileRefused(
            _("The file is larger than %(max)d kB.")
            % {"max": conf.PAPER_MAX_BYTES // 1000}
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
        ) from None


def _check_header(
    page: CampaignPage, questions: list[CampaignQuestion], header: list[str]
) -> None:
    if not any(header):
        raise FileRefused(_("The file is empty or has no header row."))
    known = known_columns(questions)
    unknown = sorted(set(header) - set(known))
    if unknown:
        raise FileRefused(
            _("Unknown columns: %(columns)s. Columns this petition takes: %(known)s.")
            % {"columns": ", ".join(unknown), "known": ", ".join(known)}
        )
    missing = [name for name in required_columns(page, questions) if name not in header]
    if missing:
        raise FileRefused(
            _("Required columns are missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    if len(set(header)) != len(header):
        raise FileRefused(_("A column appears twice in the header row."))


@dataclass(frozen=True)
class PaperFile:
    header: list[str]
    # Each non-blank row with its number as a spreadsheet shows it (header: 1).
    rows: list[tuple[int, list[str]]]
    # The page's questions, read once for the whole file.
    questions: list[CampaignQuestion]


def read_file(page: CampaignPage, data: bytes) -> PaperFile:
    """Return the file's normalized header and its non-blank rows.

    Raises `FileRefused` for a file too large, not UTF-8, not CSV, with unknown or
    missing columns, or with too many rows.
    """
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error:
        raise FileRefused(_("This is not a CSV file that can be read.")) from None
    header = [_column(name) for name in rows[0]] if rows else []
    questions = list(page.questions.all())
    _check_header(page, questions, header)
    numbered = [
        (number, row)
        for number, row in enumerate(rows[1:], start=2)
        if any(cell.strip() for cell in row)
    ]
    if len(numbered) > conf.PAPER_MAX_ROWS:
        raise FileRefused(
            _("The file has more than %(max)d rows; split it into smaller files.")
            % {"max": conf.PAPER_MAX_ROWS}
        )
    return PaperFile(header, numbered, questions)
