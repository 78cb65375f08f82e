"""Checking paper rows with the signing service's own rules, and for duplicates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from campaigns import crypto
from campaigns.models import Campaign, CampaignPage, CampaignQuestion, Signature
from campaigns.models.page import STANDARD_FIELDS
from campaigns.paper.reader import ANSWER_PREFIX, EMAIL, PaperFile
from campaigns.signing.errors import SignatureInvalid
from campaigns.signing.inputs import CleanSignature, SignatureInput, clean_signature

YES = {"yes", "y", "true", "1", "x"}
NO = {"no", "n", "false", "0", ""}
LOOKUP_BATCH = 500


@dataclass(frozen=True)
class Refusal:
    row: int
    field: str
    reason: str


@dataclass
class PaperReport:
    """What a file would import (`good`) and what it refuses, row by row."""

    good: list[tuple[int, CleanSignature]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def refused_rows(self) -> int:
        return len({refusal.row for refusal in self.refused})


def _answer(question: CampaignQuestion, value: str) -> object:
    # A spreadsheet has no booleans; the signing rules want one for a checkbox.
    if question.kind == CampaignQuestion.Kind.CHECKBOX:
        word = value.strip().lower()
        if word in YES:
            return True
        if word in NO:
            return False
    return value


def _input(
    questions: dict[str, CampaignQuestion],
    header: list[str],
    cells: list[str],
    language: str,
) -> SignatureInput:
    values = dict(zip(header, cells, strict=False))
    answers = {
        key: _answer(questions[key], value)
        for name, value in values.items()
        if (key := name.removeprefix(ANSWER_PREFIX)) in questions
        and name.startswith(ANSWER_PREFIX)
    }
    # `Any`: mypy cannot tell which keywords a dict's keys fill.
    fields: dict[str, Any] = {name: values.get(name, "") for name in STANDARD_FIELDS}
    return SignatureInput(
        email=values.get(EMAIL, ""),
        **fields,
        answers=answers,
        language=language,
    )


def _validated(
    page: CampaignPage, paper: PaperFile, language: str, report: PaperReport
) -> Iterator[tuple[int, CleanSignature]]:
    questions = {q.key: q for q in paper.questions}
    for row, cells in paper.rows:
        if len(cells) > len(paper.header):
            reason = _("This row has more cells than the header has columns.")
            report.refused.append(Refusal(row, "", reason))
            continue
        data = _input(questions, paper.header, cells, language)
        try:
            yield row, clean_signature(page, data, (), email_required=False)
        except SignatureInvalid as error:
            report.refused.extend(
                Refusal(row, name.replace("answers.", ANSWER_PREFIX), message)
                for name, messages in error.errors.items()
                for message in messages
            )


def _signed_already(campaign: Campaign, indexes: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(indexes), LOOKUP_BATCH):
        batch = indexes[start : start + LOOKUP_BATCH]
        found.update(
            Signature.objects.filter(
                campaign=campaign, email_index__in=batch
            ).values_list("email_index", flat=True)
        )
    return found


def check_file(
    page: CampaignPage, campaign: Campaign, paper: PaperFile, language: str
) -> PaperReport:
    """Return which rows of `paper` `campaign` would take, and why it refuses others.

    A row without an email cannot be matched with anyone, so only rows with one
    are checked for duplicates: within the file, and against who already signed.
    """
    report = PaperReport()
    valid = list(_validated(page, paper, language, report))
    indexes = {
        row: crypto.email_index(clean.email) for row, clean in valid if clean.email
    }
    existing = _signed_already(campaign, list(indexes.values()))
    first_row: dict[str, int] = {}
    for row, clean in valid:
        index = indexes.get(row, "")
        if index in existing:
            reason = _("This email has already signed this petition.")
            report.refused.append(Refusal(row, EMAIL, reason))
        elif index and index in first_row:
            reason = _("This email is also on row %(row)d.") % {"row": first_row[index]}
            report.refused.append(Refusal(row, EMAIL, reason))
        else:
            if index:
                first_row[index] = row
            report.good.append((row, clean))
    report.refused.sort(key=lambda refusal: refusal.row)
    return report
