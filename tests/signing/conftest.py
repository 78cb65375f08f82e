"""Fixtures for the signing service's tests."""

from __future__ import annotations

import pytest

from campaigns.models import CampaignPage, CampaignQuestion


@pytest.fixture
def page_with_questions(page) -> CampaignPage:
    """`page` with required text, choice and checkbox questions, one optional."""
    questions = [
        ("borough", CampaignQuestion.Kind.CHOICE, True, "Bronx\nBrooklyn\nQueens"),
        ("story", CampaignQuestion.Kind.TEXT, True, ""),
        ("resident", CampaignQuestion.Kind.CHECKBOX, True, ""),
        ("volunteer", CampaignQuestion.Kind.CHECKBOX, False, ""),
    ]
    for key, kind, required, choices in questions:
        CampaignQuestion.objects.create(
            page=page,
            key=key,
            label=key.title(),
            kind=kind,
            required=required,
            choices=choices,
        )
    page.save_revision().publish()
    return page
