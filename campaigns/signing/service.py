"""`signature_create`: validate, store once, record consents, queue deliveries."""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from campaigns.crypto import keyed_hash
from campaigns.deliveries.outbox import queue_repeat, signed_deliveries
from campaigns.models import (
    CampaignPage,
    ConsentVersion,
    Partner,
    Signature,
    SignatureConsent,
)
from campaigns.services import campaign_identity
from campaigns.signing.consents import (
    OfferedConsent,
    consent_version,
    offered_consents,
    privacy_notice,
    version_digest,
)
from campaigns.signing.errors import CampaignNotAccepting, IdempotencyConflict
from campaigns.signing.inputs import CleanSignature, SignatureInput, clean_signature
from campaigns.signing.screening import bot_reason
from campaigns.signing.store import store_signed
from campaigns.throttling import over_limit, refund

# How long the cache remembers a consent text's stored version.
VERSION_CACHE_SECONDS = 3600


class Outcome(enum.Enum):
    """What happened; only the caller's logs and tests may tell these apart."""

    NEW = "new"
    DUPLICATE = "duplicate"
    REPLAY = "replay"


@dataclass(frozen=True)
class SigningResult:
    outcome: Outcome
    confirmation_required: bool


def closed_reason(page: CampaignPage) -> str:
    """Return, for the signer, why `page` is not taking signatures."""
    if not page.live:
        return _("This petition is not published.")
    if page.state == CampaignPage.State.WON:
        return _("This petition has won and is no longer collecting signatures.")
    if page.state == CampaignPage.State.DELIVERED:
        return _(
            "This petition has been delivered and is no longer collecting signatures."
        )
    if page.opens_at and timezone.now() < page.opens_at:
        return _("This petition is not open for signatures yet.")
    return _("This petition is closed and no longer collecting signatures.")


def _request_digest(data: SignatureInput) -> str:
    body = asdict(data)
    body.pop("idempotency_key")
    body["consents"] = sorted(body["consents"])
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return keyed_hash(canonical, "request")


def _replay(
    prior: Signature, digest: str, confirmation_required: bool
) -> SigningResult:
    if prior.request_digest != digest:
        raise IdempotencyConflict()
    return SigningResult(Outcome.REPLAY, confirmation_required)


def _build(
    page: CampaignPage, clean: CleanSignature, partner: Partner | None
) -> Signature:
    return clean.new_signature(
        partner=partner,
        source=clean.source,
        is_test=bool(partner and partner.is_test_mode),
        status=Signature.Status.PENDING
        if page.double_opt_in
        else Signature.Status.CONFIRMED,
        confirmed_at=None if page.double_opt_in else timezone.now(),
    )


def _consent_versions(
    page: CampaignPage, offered: dict[str, OfferedConsent], clean: CleanSignature
) -> list[ConsentVersion]:
    # The boxes ticked, and the privacy statement the form showed beside them.
    told = privacy_notice(page, offered.values(), clean.language)
    shown = [*(offered[key] for key in clean.consents), told]
    digests = [version_digest(consent, clean.language) for consent in shown]
    # Versions are content-addressed and never change or go away (their rows are
    # protected): once known, this process keeps them, and other processes find
    # them in the cache. That saves a round trip per signing, and a query per box.
    versions = {digest: _known_versions.get(digest) for digest in digests}
    unknown = {
        digest: consent
        for digest, consent in zip(digests, shown, strict=True)
        if versions[digest] is None
    }
    if unknown:
        shared = cache.get_many([_version_cache_key(digest) for digest in unknown])
        for digest, consent in unknown.items():
            version = shared.get(_version_cache_key(digest))
            if version is None:
                version = consent_version(consent, clean.language)
                # Shared once committed: inside a caller's transaction (a site
                # with ATOMIC_REQUESTS) a rolled-back version must not be kept.
                transaction.on_commit(partial(_share_version, digest, version))
            else:
                _remember_version(digest, version)
            versions[digest] = version
    return [version for version in versions.values() if version is not None]


# The stored versions this process has seen, by digest: a few per campaign.
_known_versions: dict[str, ConsentVersion] = {}
KNOWN_VERSIONS_MAX = 10_000


def _remember_version(digest: str, version: ConsentVersion) -> None:
    if len(_known_versions) >= KNOWN_VERSIONS_MAX:
        _known_versions.clear()
    _known_versions[digest] = version


def _share_version(digest: str, version: ConsentVersion) -> None:
    _remember_version(digest, version)
    cache.set(_version_cache_key(digest), version, VERSION_CACHE_SECONDS)


def forget_consent_versions() -> None:
    """Forget the versions this process has seen (tests empty the database)."""
    _known_versions.clear()


def _version_cache_key(digest: str) -> str:
    return f"undersign:consent:{digest}"


# Error reports must not show the signer, whichever filter a site uses.
@sensitive_variables()
def signature_create(
    *,
    page: CampaignPage,
    data: SignatureInput,
    client_key: str = "",
    form_token: str = "",
    honeypot: str = "",
    suspicion: str = "",
) -> SigningResult:
    """Sign `page`'s campaign; return the same result for a new and a repeat signer.

    Raises `CampaignNotAccepting`, `SignatureInvalid` or `IdempotencyConflict`, and
    then has changed nothing. The database's unique constraints decide duplicates,
    so concurrent submissions of one address store exactly one signature. A
    signing over a rate limit, that looks automated (the form's `form_token` and
    `honeypot` field), or with a `suspicion` (a `Signature.Reason`) is stored
    flagged and sends nothing, yet returns the very same result.
    """
    # A draft or unpublished page may still be reached by a caller holding it.
    if not page.live or not page.is_accepting():
        raise CampaignNotAccepting(closed_reason(page))
    partner = _partner(page, data.partner_key)
    offered = {consent.key: consent for consent in offered_consents(page, partner)}
    clean = clean_signature(page, data, offered)
    campaign = campaign_identity(page)
    digest = _request_digest(data)
    signature = _build(page, clean, partner)
    signature.campaign = campaign
    signature.partner_key = data.partner_key
    signature.client_key = client_key
    signature.idempotency_key = data.idempotency_key or ""
    signature.request_digest = digest
    # Counted after validation (a typo costs no budget) and given back when the
    # insert finds the signing is a retry: no look-up ahead of the insert.
    throttled = over_limit(campaign.pk, client_key)
    suspicion = suspicion or bot_reason(
        public_key=campaign.public_key, token=form_token, honeypot=honeypot
    )
    if suspicion or throttled:
        signature.moderation = Signature.Moderation.FLAGGED
        signature.moderation_reason = suspicion or Signature.Reason.THROTTLED
    versions = _consent_versions(page, offered, clean)
    if not _store(page, signature, versions, _webhook_partners(offered, clean)):
        return _after_conflict(page, signature, digest, client_key)
    return SigningResult(Outcome.NEW, page.double_opt_in)


def _partner(page: CampaignPage, key: str) -> Partner | None:
    """Return the partner whose slug is `key`: one of `page`'s (held with a cached
    page; one query on a fresh one), or another (credited, though its box is not
    offered)."""
    if not key:
        return None
    for link in page.campaign_partners.select_related("partner"):
        if link.partner.slug == key:
            return link.partner
    return Partner.objects.filter(slug=key).first()


def _webhook_partners(
    offered: dict[str, OfferedConsent], clean: CleanSignature
) -> list[int]:
    """Return the ids of the partners with a webhook whose box the signer ticked."""
    ticked = (offered[key] for key in clean.consents)
    return sorted(
        {
            consent.partner.pk
            for consent in ticked
            if consent.kind == ConsentVersion.Kind.PARTNER
            and consent.partner is not None
            and consent.partner.webhook_url
        }
    )


def _store(
    page: CampaignPage,
    signature: Signature,
    versions: list[ConsentVersion],
    webhook_partners: list[int],
) -> bool:
    """Save `signature` with its consents and deliveries; `False` if it conflicts."""
    consents = [
        SignatureConsent(signature=signature, version=version) for version in versions
    ]
    # A flagged signing mails no one and reaches no partner: the address may be
    # a stranger's, typed in by a bot.
    deliveries = (
        []
        if signature.moderation_reason
        else signed_deliveries(signature, page, webhook_partners)
    )
    return store_signed(signature, consents, deliveries)


def _after_conflict(
    page: CampaignPage, signature: Signature, digest: str, client_key: str
) -> SigningResult:
    """Tell a retry (or a reused key) from a repeat signer, once the insert failed."""
    if signature.idempotency_key:
        prior = Signature.objects.filter(
            campaign=signature.campaign, idempotency_key=signature.idempotency_key
        ).first()
        if prior is not None:
            # Not a new request: it gives back what it was counted.
            refund(signature.campaign_id, client_key)
            return _replay(prior, digest, page.double_opt_in)
    existing = Signature.objects.filter(
        campaign=signature.campaign, email_index=signature.email_index
    ).first()
    if existing is not None and not signature.moderation_reason:
        queue_repeat(existing, signature.language)
    return SigningResult(Outcome.DUPLICATE, page.double_opt_in)
