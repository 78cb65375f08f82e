"""The confirm form for a state change: an outcome note per translation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage


class StateForm(forms.Form):
    """Confirms a change of state; asks each translation's outcome note unless
    the campaign reopens (an open campaign shows no note)."""

    def __init__(
        self, *args: Any, pages: list[CampaignPage], state: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.pages = pages
        if state == CampaignPage.State.OPEN:
            return
        for page in pages:
            self.fields[f"note_{page.pk}"] = forms.CharField(
                label=_("Outcome note (%(language)s)")
                % {"language": page.locale.get_display_name()},
                initial=page.outcome_note,
                required=False,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Shown on the campaign page and in the widget."),
            )

    def notes(self) -> dict[int, str]:
        """Return each translation's note by page id (none when reopening)."""
        return {
            page.pk: self.cleaned_data[f"note_{page.pk}"]
            for page in self.pages
            if f"note_{page.pk}" in self.cleaned_data
        }
