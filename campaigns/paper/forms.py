"""The paper import's forms: the file with what signers agreed to, and the offset."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One row per signature. Columns: email (optional), the petition's "
            "fields such as first_name, last_name, postal_code, and answer:<key> "
            "for each question."
        ),
    )
    statement = forms.CharField(
        label=_("What the paper form said"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        initial=_("I sign this petition on paper."),
        help_text=_("Recorded with each signature as what the signer agreed to."),
    )
    language = forms.ChoiceField(
        label=_("Language of the paper form"), choices=lambda: settings.LANGUAGES
    )


class ConfirmForm(forms.Form):
    sealed = forms.CharField(widget=forms.HiddenInput)
    expected = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class CountOffsetForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["count_offset"]
