"""The OSDI entry point and a partner's petitions, signatures and people.

Every view sees only the calling partner's campaigns and the signers who agreed
to hear from that partner; anything else is a 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from campaigns.api import schema
from campaigns.api.language import requested_language
from campaigns.api.osdi.base import OsdiView
from campaigns.api.osdi.filters import matches, parse_filter
from campaigns.api.osdi.paging import DEFAULT_PER_PAGE, MAX_PER_PAGE, Page, collection
from campaigns.models import Signature
from campaigns.partners import opaque_ids
from campaigns.partners.records import (
    link,
    person_record,
    petition_record,
    signature_record,
)
from campaigns.partners.selectors import (
    PartnerPetition,
    listed_signatures,
    partner_petitions,
)
from campaigns.selectors import signature_count

# The query's names for the record's fields, for signatures and people alike.
COLUMNS = {"modified_date": "confirmed_at", "created_date": "created_at"}

PAGING = [
    OpenApiParameter("page", int, description="Page number, from 1."),
    OpenApiParameter(
        "per_page",
        int,
        description=f"Records per page: {DEFAULT_PER_PAGE} unless asked, at most "
        f"{MAX_PER_PAGE}.",
    ),
    OpenApiParameter(
        "filter",
        str,
        description="OData subset: `modified_date gt '2026-01-01'`; see the docs.",
    ),
]
ERRORS = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description='`{"error": ...}`'),
    401: OpenApiResponse(OpenApiTypes.OBJECT, description="No token, or a bad one."),
    404: OpenApiResponse(OpenApiTypes.OBJECT, description="Not one of yours."),
}


def _osdi(operation_id: str, summary: str, *parameters: OpenApiParameter) -> Any:
    return schema.extend_schema(
        operation_id=f"osdi_{operation_id}",
        summary=summary,
        parameters=list(parameters),
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT, "HAL+JSON"), **ERRORS},
    )


class EntryPointView(OsdiView):
    @_osdi("entry_point", "The OSDI entry point: links to your petitions and people")
    def get(self, request: Request) -> Response:
        return Response(
            {
                "motd": _("Your consenting signers, as OSDI 1.x."),
                "vendor_name": "Undersign",
                "product_name": "Undersign",
                "osdi_version": "1.1",
                "max_pagesize": MAX_PER_PAGE,
                "_links": {
                    "self": {"href": self.absolute(request.path)},
                    "osdi:petitions": link(self.absolute, "osdi-petitions"),
                    "osdi:people": link(self.absolute, "osdi-people"),
                    "docs": {"href": self.absolute(reverse("undersign_api:docs"))},
                },
            }
        )


class PetitionsMixin(OsdiView):
    def petitions(self) -> list[PartnerPetition]:
        language = requested_language(self.request)
        return partner_petitions(self.partner, self.request._request, language)

    def petition(self, key: str) -> PartnerPetition:
        for petition in self.petitions():
            if petition.campaign.public_key == key:
                return petition
        raise NotFound(_("You have no petition with this id."))

    def record(self, petition: PartnerPetition) -> dict[str, Any]:
        count = signature_count(petition.campaign)
        return petition_record(petition, self.absolute, count)


class PetitionListView(PetitionsMixin):
    @_osdi(
        "petitions_list",
        "Your petitions: the campaigns you are a partner of",
        *PAGING,
        schema.LANG,
    )
    def get(self, request: Request) -> Response:
        page = Page.asked(request)
        conditions = parse_filter(request.query_params.get("filter"))
        petitions = [
            petition
            for petition in self.petitions()
            if all(
                matches(
                    condition,
                    petition.modified_at
                    if condition.field == "modified_date"
                    else petition.campaign.created_at,
                )
                for condition in conditions
            )
        ]
        records = [self.record(p) for p in petitions[page.start : page.stop]]
        return Response(
            collection(
                request, page, name="petitions", records=records, total=len(petitions)
            )
        )


class PetitionDetailView(PetitionsMixin):
    @_osdi("petition", "One of your petitions", schema.LANG)
    def get(self, request: Request, key: str) -> Response:
        return Response(self.record(self.petition(key)))


def _filtered(request: Request, signatures: QuerySet[Signature]) -> QuerySet[Signature]:
    for condition in parse_filter(request.query_params.get("filter")):
        column = COLUMNS[condition.field]
        signatures = signatures.filter(
            **{f"{column}__{condition.lookup}": condition.value}
        )
    return signatures


class SignaturesMixin(PetitionsMixin):
    def page_of(
        self, signatures: QuerySet[Signature], name: str, build: Any
    ) -> Response:
        page = Page.asked(self.request)
        signatures = _filtered(self.request, signatures)
        rows = list(signatures[page.start : page.stop])
        records = [build(row, self.partner, self.absolute) for row in rows]
        total = signatures.count()
        return Response(
            collection(self.request, page, name=name, records=records, total=total)
        )

    def one(self, kind: int, value: str, signatures: QuerySet[Signature]) -> Signature:
        pk = opaque_ids.row_id(kind, self.partner.pk, value)
        signature = signatures.filter(pk=pk).first() if pk is not None else None
        if signature is None:
            raise NotFound(_("You have no record with this id."))
        return signature


class SignatureListView(SignaturesMixin):
    @_osdi(
        "signatures_list",
        "The signatures on your petition of signers who agreed to hear from you",
        *PAGING,
    )
    def get(self, request: Request, key: str) -> Response:
        campaign = self.petition(key).campaign
        signatures = listed_signatures(self.partner, campaign=campaign)
        return self.page_of(signatures, "signatures", signature_record)


class SignatureDetailView(SignaturesMixin):
    @_osdi("signature", "One signature on your petition")
    def get(self, request: Request, key: str, signature_id: str) -> Response:
        campaign = self.petition(key).campaign
        signatures = listed_signatures(self.partner, campaign=campaign)
        signature = self.one(opaque_ids.SIGNATURE, signature_id, signatures)
        return Response(signature_record(signature, self.partner, self.absolute))


class PersonListView(SignaturesMixin):
    @_osdi("people_list", "The people who agreed to hear from you", *PAGING)
    def get(self, request: Request) -> Response:
        signatures = listed_signatures(self.partner)
        return self.page_of(signatures, "people", person_record)


class PersonDetailView(SignaturesMixin):
    @_osdi("person", "One person who agreed to hear from you")
    def get(self, request: Request, person_id: str) -> Response:
        signatures = listed_signatures(self.partner)
        signature = self.one(opaque_ids.PERSON, person_id, signatures)
        return Response(person_record(signature, self.partner, self.absolute))
