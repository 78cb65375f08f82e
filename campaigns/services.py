"""Writes about campaigns themselves (signing lives in campaigns/signing/)."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from campaigns.models import Campaign, CampaignPage

# Where a page instance remembers its identity: it never changes, and the
# published-pages cache, which every change to a `Campaign` renews, carries it.
IDENTITY_ATTR = "_undersign_campaign"


def _free_public_key(page: CampaignPage) -> str:
    base = slugify(page.slug)[:60] or "campaign"
    if not Campaign.objects.filter(public_key=base).exists():
        return base
    return f"{base}-{secrets.token_hex(3)}"


def campaign_identity(page: CampaignPage, *, public_key: str | None = None) -> Campaign:
    """Return the identity shared by `page` and its translations, creating it once.

    The public key is the page's slug at creation when free, and never changes.
    The identity found is remembered on `page` (an instance, not the row).
    """
    known: Campaign | None = page.__dict__.get(IDENTITY_ATTR)
    if known is None or known.translation_key != page.translation_key:
        known = _find_or_create(page, public_key)
        page.__dict__[IDENTITY_ATTR] = known
    return known


def _find_or_create(page: CampaignPage, public_key: str | None) -> Campaign:
    existing = Campaign.objects.filter(translation_key=page.translation_key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Campaign.objects.create(
                translation_key=page.translation_key,
                public_key=public_key or _free_public_key(page),
            )
    except IntegrityError:
        # Another request created it between our read and insert.
        return Campaign.objects.get(translation_key=page.translation_key)
