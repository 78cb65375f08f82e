"""What the delivery PDF may say: counts by postal code, and names only if promised.

Counts only by default, because the target may be the very office signers fear.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count
from wagtail.models import PageLogEntry

from campaigns.models import Campaign, CampaignPage, Signature

# A postal code with fewer signers than this is folded into "other": a count of one
# or two in a small area can point at a person the target knows.
MIN_POSTAL_CODE_COUNT = 5
NAMES_CHUNK = 2000


@dataclass(frozen=True)
class PostalCodeCounts:
    rows: list[tuple[str, int]]
    other: int
    not_given: int


def postal_code_counts(campaign: Campaign) -> PostalCodeCounts:
    """Return counted signatures per postal code, most first; small ones folded."""
    grouped = (
        Signature.objects.counted()
        .filter(campaign=campaign)
        .order_by()
        .values_list("postal_code")
        .annotate(n=Count("pk"))
    )
    rows, other, not_given = [], 0, 0
    for code, count in grouped:
        if not code:
            not_given += count
        elif count < MIN_POSTAL_CODE_COUNT:
            other += count
        else:
            rows.append((code, count))
    rows.sort(key=lambda row: (-row[1], row[0]))
    return PostalCodeCounts(rows=rows, other=other, not_given=not_given)


@dataclass(frozen=True)
class NamesPromise:
    promised: bool
    since: datetime | None


def names_promise(pages: list[CampaignPage]) -> NamesPromise:
    """Return whether every page's published version now tells signers their names
    go to the target, and since when (`None`: since each was first published).

    Read from the publication history, so a signer who saw a version without the
    promise is never named, even after the switch was turned on.
    """
    published = (
        PageLogEntry.objects.filter(
            page__in=pages, action="wagtail.publish", revision__isnull=False
        )
        .order_by("timestamp", "pk")
        .values_list("page", "timestamp", "revision__content__names_to_target")
    )
    since: datetime | None = None
    promised: dict[int, bool] = {}
    for page_id, timestamp, names_to_target in published:
        before = all(promised.values())
        promised[page_id] = bool(names_to_target)
        if all(promised.values()) and not before:
            since = timestamp
    live = {page.pk for page in pages if page.live}
    complete = bool(promised) and live <= promised.keys()
    return NamesPromise(promised=complete and all(promised.values()), since=since)


def signer_names(campaign: Campaign, since: datetime | None) -> Iterator[str]:
    """Yield "first last" of counted signers who signed since `since`, in order.

    Read in chunks; anonymized signers and those who gave no name are skipped.
    """
    rows = Signature.objects.counted().filter(campaign=campaign)
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    for signature in (
        rows.order_by("created_at", "pk")
        .only("identifiers")
        .iterator(chunk_size=NAMES_CHUNK)
    ):
        identity = signature.identity
        if identity is None:
            continue
        name = f"{identity.first_name} {identity.last_name}".strip()
        if name:
            yield name
