"""The one field both steps ask for: a code from the app, or a backup code."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        """Return the code without the spaces an app shows inside it."""
        return "".join(self.cleaned_data["code"].split())
