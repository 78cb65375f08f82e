"""What an export covers: campaigns the requester may see, and the signer
listing's filters, kept so a background export reads exactly what was asked.

The filters are `SignatureFilterSet`'s GET parameters; an email search among them
is already its blind index (`signer`), so a stored query names no signer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import QueryDict

from campaigns.admin.signer_filters import SignatureFilterSet, filter_kinds
from campaigns.authorization import (
    VIEW_SIGNERS,
    asked_campaign_ids,
    campaigns_for,
)
from campaigns.models import Campaign, Signature

CAMPAIGN = "campaign"


class InvalidFilters(ValueError):
    """A filter value the filterset refuses; exporting without it would export more."""


@dataclass(frozen=True)
class ExportQuery:
    campaign_ids: tuple[int, ...]
    filters: dict[str, list[str]]

    def campaigns(self) -> QuerySet[Campaign]:
        return Campaign.objects.filter(pk__in=self.campaign_ids).order_by("pk")

    @cached_property
    def filterset(self) -> SignatureFilterSet:
        """The filterset over these campaigns' signatures, with the filters; built
        and validated once per query.

        Its `campaign` choices stay empty: the campaigns are checked and applied
        here, so the stored filters never carry one.
        """
        data = QueryDict(mutable=True)
        for name, values in self.filters.items():
            data.setlist(name, values)
        signatures = Signature.objects.filter(campaign_id__in=self.campaign_ids)
        return SignatureFilterSet(data, queryset=signatures, request=None)

    def filter_kinds(self) -> list[str]:
        """Return which filters are in use, for the audit log: names, not values."""
        return filter_kinds(self.filterset)


def _campaign_ids(params: QueryDict, user: Any) -> tuple[int, ...]:
    # No campaign asked is every one the user may see; none at all is a 403.
    ids = asked_campaign_ids(user, VIEW_SIGNERS, params.getlist(CAMPAIGN))
    if not ids:
        ids = set(campaigns_for(user, VIEW_SIGNERS).values_list("pk", flat=True))
    if not ids:
        raise PermissionDenied
    return tuple(sorted(ids))


def _is_filter_param(name: str) -> bool:
    # A range filter reads `<name>_from` and `<name>_to`.
    return any(
        name == filter_name or name.startswith(f"{filter_name}_")
        for filter_name in SignatureFilterSet.base_filters
        if filter_name != CAMPAIGN
    )


def export_query(params: QueryDict, user: Any) -> ExportQuery:
    """Return what `params` ask to export (no campaign: all `user` may see).

    Raises `PermissionDenied` unless `user` may see the signers of every campaign
    in it, and `InvalidFilters` for a filter value the filterset refuses.
    """
    filters = {
        name: [value for value in params.getlist(name) if value]
        for name in params
        if _is_filter_param(name)
    }
    query = ExportQuery(_campaign_ids(params, user), filters)
    _valid_filterset(query)
    return query


def _valid_filterset(query: ExportQuery) -> SignatureFilterSet:
    """Return `query`'s filterset; `InvalidFilters` if its filters do not validate."""
    filterset = query.filterset
    if not filterset.is_valid():
        raise InvalidFilters(sorted(filterset.errors))
    return filterset


def export_signatures(query: ExportQuery) -> QuerySet[Signature]:
    """Return the signatures `query` covers, unordered; `InvalidFilters` if its
    stored filters no longer validate."""
    return _valid_filterset(query).qs
