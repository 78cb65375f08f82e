"""What a signer submits, and its validation against the campaign's form."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext as _

from campaigns.crypto import normalize_email
from campaigns.models import CampaignPage, CampaignQuestion, Signature
from campaigns.models.page import FieldRule
from campaigns.models.signature import SignerIdentity
from campaigns.signing.errors import SignatureInvalid

MAX_LENGTHS = {
    "first_name": 100,
    "last_name": 100,
    "postal_code": 20,
    "phone": 40,
    "address": 300,
    "country": 60,
    "comment": 2000,
}
MULTILINE = {"address", "comment"}
SOURCE_KEYS = {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"}
PHONE = re.compile(r"^\+?[0-9 ()\-.]{5,40}$")
POSTAL_CODE = re.compile(r"^[\w \-]{2,20}$")


@dataclass(frozen=True)
class SignatureInput:
    """A signing as submitted, by any way in."""

    email: object
    first_name: object = ""
    last_name: object = ""
    postal_code: object = ""
    phone: object = ""
    address: object = ""
    country: object = ""
    comment: object = ""
    answers: Mapping[str, object] = field(default_factory=dict)
    consents: Collection[str] = ()
    partner_key: str = ""
    source: Mapping[str, object] = field(default_factory=dict)
    language: str = ""
    idempotency_key: str | None = None


@dataclass(frozen=True)
class CleanSignature:
    """A validated signing, normalized and ready to store."""

    email: str
    fields: dict[str, str]
    answers: dict[str, str | bool]
    consents: frozenset[str]
    source: dict[str, str]
    language: str

    def identity(self) -> SignerIdentity:
        """Return what identifies the signer, to be stored encrypted."""
        return SignerIdentity(
            email=self.email,
            first_name=self.fields["first_name"],
            last_name=self.fields["last_name"],
            phone=self.fields["phone"],
            address=self.fields["address"],
            comment=self.fields["comment"],
            answers=self.answers,
        )

    def new_signature(self, **fields: Any) -> Signature:
        """Return an unsaved signature of this signer with `fields`: its identity
        encrypted, and the plain facets (email domain, postal code, country,
        language) taken from what was typed."""
        signature = Signature(
            email_domain=self.email.rpartition("@")[2],
            postal_code=self.fields["postal_code"].upper(),
            country=self.fields["country"],
            language=self.language,
            **fields,
        )
        signature.identity = self.identity()
        return signature


def _bad_characters(value: str, multiline: bool) -> bool:
    allowed = {"\n", "\t"} if multiline else set()
    return any(
        unicodedata.category(ch) in {"Cc", "Cs", "Co"} and ch not in allowed
        for ch in value
    )


def clean_text(value: object, max_length: int, *, multiline: bool = False) -> str:
    """Return `value` trimmed, or raise `ValidationError` for the signer."""
    if not isinstance(value, str):
        raise ValidationError(_("Enter text."))
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n")).strip()
    if _bad_characters(value, multiline):
        raise ValidationError(_("This contains characters that are not allowed."))
    if len(value) > max_length:
        raise ValidationError(
            _("Use at most %(max)d characters (you used %(count)d).")
            % {"max": max_length, "count": len(value)}
        )
    return value


def _clean_email(value: object, required: bool) -> str:
    email = clean_text(value, 254)
    if not email and not required:
        return ""
    if not email:
        raise ValidationError(_("Enter your email address."))
    EmailValidator(message=_("Enter a valid email address."))(email)
    return normalize_email(email)


def _clean_field(page: CampaignPage, name: str, value: object) -> str:
    rule = page.field_rules()[name]
    text = clean_text(value, MAX_LENGTHS[name], multiline=name in MULTILINE)
    if rule == FieldRule.OFF and text:
        raise ValidationError(_("This petition does not ask for this."))
    if rule == FieldRule.REQUIRED and not text:
        raise ValidationError(_("This field is required."))
    if text and name == "phone" and not PHONE.match(text):
        raise ValidationError(_("Enter a phone number using digits, spaces and +()-."))
    if text and name == "postal_code" and not POSTAL_CODE.match(text):
        raise ValidationError(_("Enter a valid postal code."))
    return text


def _clean_answer(question: CampaignQuestion, value: object) -> str | bool:
    if question.kind == CampaignQuestion.Kind.CHECKBOX:
        if value in (None, ""):
            value = False
        if not isinstance(value, bool):
            raise ValidationError(_("Answer yes or no."))
        if question.required and not value:
            raise ValidationError(_("Tick this box to sign."))
        return value
    text = clean_text("" if value is None else value, 1000, multiline=True)
    if question.required and not text:
        raise ValidationError(_("This question needs an answer."))
    if (
        text
        and question.kind == CampaignQuestion.Kind.CHOICE
        and (text not in question.choice_list())
    ):
        raise ValidationError(_("Choose one of the options."))
    return text


def _clean_answers(
    page: CampaignPage, answers: object, errors: dict[str, list[str]]
) -> dict[str, str | bool]:
    if not isinstance(answers, Mapping):
        errors["answers"] = [_("Answers must be an object of question keys.")]
        return {}
    questions = {q.key: q for q in page.questions.all()}
    unknown = sorted(set(answers) - set(questions))
    if unknown:
        errors["answers"] = [
            _("This petition has no question “%(key)s”.") % {"key": key}
            for key in unknown
        ]
    cleaned: dict[str, str | bool] = {}
    for key, question in questions.items():
        try:
            cleaned[key] = _clean_answer(question, answers.get(key))
        except ValidationError as error:
            errors[f"answers.{key}"] = list(error.messages)
    return cleaned


def _clean_source(source: object) -> dict[str, str]:
    if not isinstance(source, Mapping):
        raise ValidationError(_("Source must be an object."))
    unknown = set(source) - SOURCE_KEYS - {"referrer"}
    if unknown:
        raise ValidationError(
            _("Unknown source keys: %(keys)s") % {"keys": sorted(unknown)}
        )
    cleaned = {key: clean_text(value, 200) for key, value in source.items()}
    if cleaned.get("referrer"):
        # Keep only the origin: a full URL can carry identifiers in its path or query.
        parts = urlsplit(cleaned["referrer"])
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValidationError(_("The referrer must be an http(s) address."))
        cleaned["referrer"] = f"{parts.scheme}://{parts.netloc.lower()}"
    return {key: value for key, value in cleaned.items() if value}


def _language(page: CampaignPage, language: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else page.locale.language_code


def clean_signature(
    page: CampaignPage,
    data: SignatureInput,
    offered: Collection[str],
    *,
    email_required: bool = True,
) -> CleanSignature:
    """Return the signing validated against `page`'s form, else `SignatureInvalid`.

    Only a signature collected on paper may lack an email (`email_required=False`).
    """
    errors: dict[str, list[str]] = {}
    email = ""
    try:
        email = _clean_email(data.email, email_required)
    except ValidationError as error:
        errors["email"] = list(error.messages)
    fields: dict[str, str] = {}
    for name in MAX_LENGTHS:
        try:
            fields[name] = _clean_field(page, name, getattr(data, name))
        except ValidationError as error:
            errors[name] = list(error.messages)
    answers = _clean_answers(page, data.answers, errors)
    unknown_consents = sorted(set(data.consents) - set(offered))
    if unknown_consents:
        errors["consents"] = [
            _("This petition does not offer the consent “%(key)s”.") % {"key": key}
            for key in unknown_consents
        ]
    source: dict[str, str] = {}
    try:
        source = _clean_source(data.source)
    except ValidationError as error:
        errors["source"] = list(error.messages)
    if errors:
        raise SignatureInvalid(errors)
    return CleanSignature(
        email=email,
        fields=fields,
        answers=answers,
        consents=frozenset(data.consents),
        source=source,
        language=_language(page, data.language),
    )
