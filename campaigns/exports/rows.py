"""The signer export's columns and rows: one row per signature, fields as asked."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from campaigns.models import (
    Campaign,
    CampaignPage,
    CampaignQuestion,
    ConsentVersion,
    Partner,
    Signature,
    SignatureConsent,
)
from campaigns.models.page import STANDARD_FIELDS, FieldRule
from campaigns.partners.selectors import campaign_titles

LEADING = (
    "campaign",
    "campaign_title",
    "partner",
    "created",
    "confirmed",
    "status",
    "moderation",
    "language",
    "email",
)
# Kept plain on the signature for counting; everything else is in the identity.
PLAIN_FIELDS = ("postal_code", "country")
CHUNK = 500
# The columns a row needs; loading no others keeps each row cheap.
READ = (
    "campaign_id",
    "partner_id",
    "partner_key",
    "identifiers",
    "postal_code",
    "country",
    "language",
    "status",
    "moderation",
    "created_at",
    "confirmed_at",
)


@dataclass(frozen=True)
class Columns:
    """The standard fields and question keys that any exported campaign asks."""

    fields: tuple[str, ...]
    questions: tuple[str, ...]

    def header(self) -> list[str]:
        answers = [f"answer:{key}" for key in self.questions]
        return [*LEADING, *self.fields, *answers, "consents"]


def columns_for(campaigns: Iterable[Campaign]) -> Columns:
    """Return the columns for `campaigns`: a field is listed if any page asks it."""
    keys = [campaign.translation_key for campaign in campaigns]
    pages = CampaignPage.objects.filter(translation_key__in=keys)
    asked = {
        name
        for page in pages
        for name, rule in page.field_rules().items()
        if rule != FieldRule.OFF
    }
    questions = (
        CampaignQuestion.objects.filter(page__translation_key__in=keys)
        .order_by("sort_order", "pk")
        .values_list("key", flat=True)
    )
    return Columns(
        fields=tuple(name for name in STANDARD_FIELDS if name in asked),
        questions=tuple(dict.fromkeys(questions)),
    )


def with_consents(signatures: QuerySet[Signature]) -> QuerySet[Signature]:
    """Return `signatures` carrying `export_consents`: the consents given, not the
    privacy statement each was shown (recorded, but not something agreed to)."""
    consents = (
        SignatureConsent.objects.exclude(version__kind=ConsentVersion.Kind.PRIVACY)
        .select_related("version")
        .order_by("pk")
    )
    return signatures.only(*READ).prefetch_related(
        Prefetch("consents", queryset=consents, to_attr="export_consents")
    )


def _answer(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


@dataclass(frozen=True)
class Names:
    """What rows name by id: campaigns (public key, title) and partners (slug)."""

    campaigns: dict[int, tuple[str, str]]
    partners: dict[int, str]


def signer_row(signature: Signature, columns: Columns, names: Names) -> list[object]:
    """Return one signature's cells, in the order of `columns.header()`."""
    identity = signature.identity
    answers = identity.answers if identity else {}
    fields = [
        getattr(signature, name)
        if name in PLAIN_FIELDS
        else (getattr(identity, name) if identity else "")
        for name in columns.fields
    ]
    consents = " | ".join(
        f"{consent.version.kind}: {consent.version.text}"
        for consent in signature.export_consents  # type: ignore[attr-defined]
    )
    return [
        *names.campaigns[signature.campaign_id],
        names.partners.get(signature.partner_id or 0, signature.partner_key),
        signature.created_at.isoformat(),
        signature.confirmed_at.isoformat() if signature.confirmed_at else "",
        signature.status,
        signature.moderation,
        signature.language,
        identity.email if identity else "",
        *fields,
        *(_answer(answers.get(key, "")) for key in columns.questions),
        consents,
    ]


def signer_rows(
    signatures: QuerySet[Signature], campaigns: Iterable[Campaign]
) -> tuple[list[str], Iterator[list[object]]]:
    """Return the header and a lazy iterator of rows, read `CHUNK` at a time.

    Each row is decrypted as it is written and then dropped, so memory stays flat
    however many signatures there are.
    """
    campaigns = list(campaigns)
    columns = columns_for(campaigns)
    titles = campaign_titles({campaign.pk for campaign in campaigns})
    names = Names(
        campaigns={c.pk: (c.public_key, titles.get(c.pk, "")) for c in campaigns},
        partners=dict(Partner.objects.values_list("pk", "slug")),
    )
    rows = (
        signer_row(signature, columns, names)
        for signature in with_consents(signatures)
        .order_by("created_at", "pk")
        .iterator(chunk_size=CHUNK)
    )
    return columns.header(), rows
