"""The consents a form offers, and the exact text versions a signer agreed to."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from campaigns.models import CampaignPage, ConsentVersion, Partner
from campaigns.privacy import privacy_statement, shown_partner


@dataclass(frozen=True)
class OfferedConsent:
    """A checkbox on the form: `key` is what the client sends back when ticked."""

    key: str
    kind: str
    label: str
    partner: Partner | None = None


def offered_consents(
    page: CampaignPage, partner: Partner | None
) -> list[OfferedConsent]:
    """Return the consents `page`'s form shows when signing through `partner`.

    A partner's box appears only on that partner's own embed or link, so a signer
    is only ever asked about the organization that brought them.
    """
    offered = []
    if page.organizer_consent_label:
        offered.append(
            OfferedConsent(
                "organizer", ConsentVersion.Kind.ORGANIZER, page.organizer_consent_label
            )
        )
    if partner is not None:
        link = next(
            (cp for cp in page.campaign_partners.all() if cp.partner_id == partner.pk),
            None,
        )
        if link is not None:
            offered.append(
                OfferedConsent(
                    f"partner:{partner.slug}",
                    ConsentVersion.Kind.PARTNER,
                    link.label(),
                    partner,
                )
            )
    if page.show_recent_signers:
        offered.append(
            OfferedConsent(
                "display",
                ConsentVersion.Kind.DISPLAY,
                _("Show my first name and last initial among recent signers"),
            )
        )
    return offered


def privacy_notice(
    page: CampaignPage, offered: Iterable[OfferedConsent], language: str
) -> OfferedConsent:
    """Return the privacy statement a form offering `offered` shows, in `language`.

    Not a box to tick: it is recorded with every signature as what the signer
    was told before signing.
    """
    partner = shown_partner(offered)
    with translation.override(language):
        text = privacy_statement(page, partner)
    return OfferedConsent("privacy", ConsentVersion.Kind.PRIVACY, text, partner)


def version_digest(consent: OfferedConsent, language: str) -> str:
    """Return the digest that addresses this exact text's stored version."""
    partner_id = consent.partner.pk if consent.partner else ""
    said = f"{consent.kind}\x1f{partner_id}\x1f{language}\x1f{consent.label}"
    return hashlib.sha256(said.encode()).hexdigest()


def consent_version(consent: OfferedConsent, language: str) -> ConsentVersion:
    """Return the stored version of exactly this text, storing it the first time."""
    digest = version_digest(consent, language)
    version = ConsentVersion.objects.filter(digest=digest).first()
    if version is not None:
        return version
    try:
        with transaction.atomic():
            return ConsentVersion.objects.create(
                kind=consent.kind,
                partner=consent.partner,
                language=language,
                text=consent.label,
                digest=digest,
            )
    except IntegrityError:
        return ConsentVersion.objects.get(digest=digest)
