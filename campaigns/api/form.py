"""The fields a campaign's form shows, described for a client that renders it.

Labels and autocomplete hints are the hosted form's own, so both forms read alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from campaigns.forms import AUTOCOMPLETE, LABELS
from campaigns.models import CampaignPage
from campaigns.models.page import STANDARD_FIELDS, FieldRule
from campaigns.signing.inputs import MULTILINE

INPUT_TYPES = {"email": "email", "phone": "tel"}


@dataclass(frozen=True)
class FormField:
    name: str
    label: str
    required: bool
    input_type: str
    autocomplete: str


def form_fields(page: CampaignPage) -> list[FormField]:
    """Return the standard fields `page` asks for, email first and always required.

    Labels are in the active language.
    """
    fields = [FormField("email", _("Email"), True, "email", "email")]
    for name in STANDARD_FIELDS:
        rule = page.field_rules()[name]
        if rule == FieldRule.OFF:
            continue
        input_type = "textarea" if name in MULTILINE else INPUT_TYPES.get(name, "text")
        fields.append(
            FormField(
                name,
                str(LABELS[name]),
                rule == FieldRule.REQUIRED,
                input_type,
                AUTOCOMPLETE[name],
            )
        )
    return fields
