"""The partner pull API: a partner's consenting signers, by token."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponseBase
from django.utils.cache import patch_cache_control
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.request import Request
from rest_framework.response import Response

from campaigns.api import schema
from campaigns.api.auth import IsPartner, PartnerTokenAuthentication
from campaigns.api.errors import FieldErrorsSerializer, ProblemSerializer
from campaigns.api.partner_records import PartnerSignaturesQuery, SignerRecordSerializer
from campaigns.api.views.base import PublicView
from campaigns.models import Signature
from campaigns.partners.records import signer_record
from campaigns.partners.selectors import campaign_titles, consenting_signatures


class NewestFirstCursor(CursorPagination):
    ordering = ("-created_at", "-id")
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500

    def decode_cursor(self, request: Request) -> Cursor | None:
        """Return the asked cursor; a malformed one is bad input (400).

        DRF answers 404 for an undecodable cursor and lets a decodable one with a
        position that is not a time reach the database (a 500).
        """
        try:
            cursor = super().decode_cursor(request)
            # The position is compared with `created_at`: it must be a time.
            if cursor and cursor.position and parse_datetime(cursor.position) is None:
                raise ValueError(cursor.position)
        except (NotFound, ValueError):
            raise ValidationError(
                {self.cursor_query_param: [_("Invalid cursor.")]}
            ) from None
        return cursor


class PartnerSignatureListView(ListAPIView, PublicView):
    # Partners pull from their servers: a token is never usable from a page.
    browser_access = ""
    authentication_classes = [PartnerTokenAuthentication]
    permission_classes = [IsPartner]
    pagination_class = NewestFirstCursor
    serializer_class = SignerRecordSerializer

    def get_queryset(self) -> Any:
        query = PartnerSignaturesQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return consenting_signatures(
            self.request.user,
            campaign=query.validated_data.get("campaign"),
            since=query.validated_data.get("since"),
        )

    @schema.extend_schema(
        operation_id="partner_signatures_list",
        summary="The signers who consented to your organization",
        parameters=[PartnerSignaturesQuery],
        responses={
            200: SignerRecordSerializer(many=True),
            400: FieldErrorsSerializer,
            401: OpenApiResponse(
                ProblemSerializer, description="No token, or an invalid or revoked one."
            ),
        },
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Newest first; follow `next` until it is null. Never cached."""
        page: list[Signature] = self.paginate_queryset(self.get_queryset()) or []
        titles = campaign_titles({signature.campaign_id for signature in page})
        records = [
            signer_record(signature, titles.get(signature.campaign_id, ""))
            for signature in page
        ]
        return self.get_paginated_response(
            SignerRecordSerializer(records, many=True).data
        )

    def finalize_response(
        self, request: Request, response: HttpResponseBase, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response
