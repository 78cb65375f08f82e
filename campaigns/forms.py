"""The sign form of the hosted page (and, later, the embed page).

The form only collects what a browser sent; every rule is the signing service's,
so a no-JS signer, the widget and the API see the same validation and messages.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignPage, CampaignQuestion, ConsentVersion, Partner
from campaigns.models.page import FieldRule
from campaigns.services import campaign_identity
from campaigns.signing import (
    SignatureInput,
    SignatureInvalid,
    SigningResult,
    signature_create,
)
from campaigns.signing.consents import offered_consents
from campaigns.signing.inputs import MAX_LENGTHS, MULTILINE, SOURCE_KEYS
from campaigns.signing.screening import (
    FORM_STAMP_FIELD,
    HONEYPOT_FIELD,
    issue_form_token,
)

LABELS = {
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "postal_code": _("ZIP or postal code"),
    "phone": _("Phone"),
    "address": _("Address"),
    "country": _("Country"),
    "comment": _("Comment"),
}
AUTOCOMPLETE = {
    "first_name": "given-name",
    "last_name": "family-name",
    "postal_code": "postal-code",
    "phone": "tel",
    "address": "street-address",
    "country": "country-name",
    "comment": "off",
}
ATTRIBUTION_KEYS = ("partner", *sorted(SOURCE_KEYS), "referrer")
# Longest value a source key may carry, and the longest stored partner key.
SOURCE_MAX = 200
PARTNER_KEY_MAX = 80


def _printable(value: str, limit: int) -> str:
    return "".join(ch for ch in value if ch.isprintable())[:limit]


def attribution(request: HttpRequest, partner_key: str = "") -> dict[str, str]:
    """Return the partner key and `utm_*`/referrer source a visit arrived with.

    A link's partner key (path form wins over `?partner=`) and campaign tags are
    cut to what the service stores, so a mangled link never blocks a signing. Only
    the referring *origin* is kept, and only when it is another site.
    """
    found = {"partner": partner_key or request.GET.get("partner", "")}
    found.update({key: request.GET.get(key, "") for key in SOURCE_KEYS})
    referrer = urlsplit(request.headers.get("Referer", ""))
    if referrer.scheme in {"http", "https"} and referrer.netloc:
        origin = f"{referrer.scheme}://{referrer.netloc.lower()}"
        if origin != f"{request.scheme}://{request.get_host().lower()}":
            found["referrer"] = origin
    limits = {"partner": PARTNER_KEY_MAX}
    return {
        key: _printable(value, limits.get(key, SOURCE_MAX))
        for key, value in found.items()
        if value
    }


def _standard_field(name: str, rule: str) -> forms.Field:
    attrs: dict[str, Any] = {"autocomplete": AUTOCOMPLETE[name]}
    if rule == FieldRule.REQUIRED:
        attrs["required"] = True
    if name == "phone":
        attrs["type"] = "tel"
    widget = (
        forms.Textarea(attrs={**attrs, "rows": 3})
        if name in MULTILINE
        else forms.TextInput(attrs=attrs)
    )
    return forms.CharField(
        label=LABELS[name],
        required=False,
        max_length=MAX_LENGTHS[name],
        widget=widget,
    )


def _question_field(question: CampaignQuestion) -> forms.Field:
    attrs = {"required": True} if question.required else {}
    if question.kind == CampaignQuestion.Kind.CHECKBOX:
        return forms.BooleanField(
            label=question.label,
            required=False,
            widget=forms.CheckboxInput(attrs=attrs),
        )
    if question.kind == CampaignQuestion.Kind.CHOICE:
        return forms.ChoiceField(
            label=question.label,
            required=False,
            choices=[(choice, choice) for choice in question.choice_list()],
            widget=forms.RadioSelect(attrs=attrs),
        )
    return forms.CharField(
        label=question.label, required=False, widget=forms.TextInput(attrs=attrs)
    )


WRITTEN_CONSENTS = {ConsentVersion.Kind.ORGANIZER, ConsentVersion.Kind.PARTNER}


class SignForm(forms.Form):
    """The sign form for `page` as reached through `partner` (or no partner).

    Fields follow the page's rules (off, optional, required) and questions; the
    consents are exactly those `offered_consents` gives. Django-level checks are
    kept to types; `sign()` leaves every rule to the signing service. An unbound
    form carries a fresh form token unless `form_token=False` (a cached render).
    """

    template_name = "undersign/form.html"
    honeypot_name = HONEYPOT_FIELD

    def __init__(
        self,
        *args: Any,
        page: CampaignPage,
        partner: Partner | None = None,
        form_token: bool = True,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("auto_id", "sign-%s")
        super().__init__(*args, **kwargs)
        self.page = page
        self.partner = partner
        self.optional_fields: set[str] = set()
        # Labels the organizer wrote, in the page's language rather than the
        # interface's: the template marks them with their own `lang`.
        self.written_fields: set[str] = set()
        self.fields["email"] = forms.CharField(
            label=_("Email"),
            required=False,
            widget=forms.EmailInput(attrs={"autocomplete": "email", "required": True}),
        )
        for name, rule in page.field_rules().items():
            if rule != FieldRule.OFF:
                self.fields[name] = _standard_field(name, rule)
                if rule == FieldRule.OPTIONAL:
                    self.optional_fields.add(name)
        for question in page.questions.all():
            self.fields[self.question_field_name(question.key)] = _question_field(
                question
            )
            self.written_fields.add(self.question_field_name(question.key))
            if not question.required:
                self.optional_fields.add(self.question_field_name(question.key))
        self.offered = offered_consents(page, partner)
        # Only a partner linked to the campaign is credited (and named above
        # the form); another key is kept as the signature's source.
        self.credited_partner = next(
            (consent.partner for consent in self.offered if consent.partner), None
        )
        self.written_consents = {
            consent.key for consent in self.offered if consent.kind in WRITTEN_CONSENTS
        }
        self.fields["consents"] = forms.MultipleChoiceField(
            label=_("Your choices"),
            required=False,
            choices=[(consent.key, consent.label) for consent in self.offered],
            widget=forms.CheckboxSelectMultiple,
        )
        for key in ATTRIBUTION_KEYS:
            self.fields[key] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.fields[FORM_STAMP_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput
        )
        if form_token and not self.is_bound:
            self.fields[FORM_STAMP_FIELD].initial = issue_form_token(
                campaign_identity(page).public_key
            )
        # The trap: kept off-screen and out of reach by the template.
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @staticmethod
    def question_field_name(key: str) -> str:
        """Return the form field name of the custom question `key`."""
        return f"q_{key}"

    def signature_input(self, language: str) -> SignatureInput:
        """Return the cleaned form as the signing service's input."""
        data = self.cleaned_data
        standard = {name: data.get(name, "") for name in MAX_LENGTHS}
        answers = {
            question.key: data[self.question_field_name(question.key)]
            for question in self.page.questions.all()
        }
        return SignatureInput(
            email=data["email"],
            **standard,
            answers=answers,
            consents=tuple(data["consents"]),
            # Cut, never refused: a signer cannot fix a mangled link.
            partner_key=_printable(data["partner"], PARTNER_KEY_MAX),
            source={
                key: _printable(data[key], SOURCE_MAX)
                for key in (*SOURCE_KEYS, "referrer")
                if data[key]
            },
            language=language,
        )

    def sign(self, language: str, client_key: str = "") -> SigningResult | None:
        """Sign through the one signing path; return `None` if there are errors.

        The service's errors land on their fields (`answers.<key>` on the
        question's field, anything without a field at the top). Raises
        `CampaignNotAccepting` if the campaign stopped taking signatures.
        """
        if not self.is_valid():
            return None
        try:
            return signature_create(
                page=self.page,
                data=self.signature_input(language),
                client_key=client_key,
                form_token=self.cleaned_data[FORM_STAMP_FIELD],
                honeypot=self.cleaned_data[HONEYPOT_FIELD],
            )
        except SignatureInvalid as invalid:
            for key, messages in invalid.errors.items():
                name = key
                if key.startswith("answers."):
                    name = self.question_field_name(key.removeprefix("answers."))
                for message in messages:
                    self.add_error(name if name in self.fields else None, message)
            return None
