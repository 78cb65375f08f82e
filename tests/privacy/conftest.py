"""Fixtures for the privacy tests: signing helpers and a campaign past retention."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone

from campaigns.models import CampaignPage, Signature
from campaigns.signing import SignatureInput, SigningResult, signature_create
from tests.factories import campaign_page


@pytest.fixture
def sign() -> Callable[..., SigningResult]:
    """Sign `page` through the service as `email`, with a client key."""

    def _sign(page: CampaignPage, email: str, **fields: object) -> SigningResult:
        data = {"first_name": "Ana", "last_name": "Ruiz", **fields}
        return signature_create(
            page=page,
            data=SignatureInput(email=email, **data),  # type: ignore[arg-type]
            client_key="client-key-digest",
        )

    return _sign


@pytest.fixture
def expired(db) -> CampaignPage:
    """A published, open campaign whose retention date was yesterday."""
    return campaign_page(
        title="Expired",
        slug="expired",
        keep_data_until=timezone.localdate() - timedelta(days=1),
    )


def statuses(page: CampaignPage) -> list[str]:
    """Return the statuses of `page`'s campaign's signatures, sorted."""
    return sorted(
        Signature.objects.filter(
            campaign__translation_key=page.translation_key
        ).values_list("status", flat=True)
    )
