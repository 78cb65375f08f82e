"""Signing: `POST /api/v1/campaigns/{key}/signatures/`, JSON only."""

from __future__ import annotations

from django.utils import translation
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
)
from rest_framework import status
from rest_framework.exceptions import UnsupportedMediaType, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from campaigns.api import schema
from campaigns.api.errors import (
    CampaignClosed,
    FieldErrorsSerializer,
    IdempotencyKeyReused,
    ProblemSerializer,
)
from campaigns.api.inputs import SignatureInSerializer
from campaigns.api.language import supported
from campaigns.api.outputs import SignatureReceivedSerializer
from campaigns.api.parsers import BoundedJSONParser, reject_oversized
from campaigns.api.reads import public_page
from campaigns.api.views.base import PublicView
from campaigns.models import CampaignPage
from campaigns.signing import (
    CampaignNotAccepting,
    IdempotencyConflict,
    SignatureInput,
    SignatureInvalid,
    SigningResult,
    signature_create,
)

IDEMPOTENCY_HEADER = "Idempotency-Key"


def _sign(page: CampaignPage, data: SignatureInput) -> SigningResult:
    """Call the one signing path, turning its refusals into API errors."""
    try:
        return signature_create(page=page, data=data)
    except SignatureInvalid as error:
        raise ValidationError(error.errors) from None
    except CampaignNotAccepting as error:
        raise CampaignClosed(error.reason) from None
    except IdempotencyConflict:
        raise IdempotencyKeyReused() from None


def _problem(description: str) -> OpenApiResponse:
    return OpenApiResponse(ProblemSerializer, description=description)


class SignatureCreateView(PublicView):
    parser_classes = [BoundedJSONParser]

    def _body(self, request: Request) -> object:
        """Return the parsed JSON body, with the idempotency header folded in."""
        reject_oversized(request)
        if (
            self.get_content_negotiator().select_parser(request, self.get_parsers())
            is None
        ):
            raise UnsupportedMediaType(request.content_type)
        body = request.data
        header = request.headers.get(IDEMPOTENCY_HEADER)
        if header and isinstance(body, dict) and "idempotency_key" not in body:
            return {**body, "idempotency_key": header}
        return body

    @extend_schema(
        operation_id="signatures_create",
        summary="Sign a campaign",
        description=(
            "Accepts only `application/json`. Every accepted signing gets the same "
            "reply, whether the signer is new, signed before, or retried."
        ),
        parameters=[
            schema.KEY,
            OpenApiParameter(
                IDEMPOTENCY_HEADER,
                str,
                OpenApiParameter.HEADER,
                description="Same as `idempotency_key` in the body (at most 64).",
            ),
        ],
        request=SignatureInSerializer,
        responses={
            202: SignatureReceivedSerializer,
            400: OpenApiResponse(
                PolymorphicProxySerializer(
                    component_name="BadSigning",
                    serializers=[FieldErrorsSerializer, ProblemSerializer],
                    resource_type_field_name=None,
                ),
                description="Per-field errors, or a body that is not JSON.",
            ),
            404: schema.NOT_FOUND,
            409: _problem(
                "The campaign is closed or not open yet (`campaign_closed`)."
            ),
            413: _problem("The body is larger than the server accepts."),
            415: _problem("The body is not `application/json`."),
            422: _problem("The idempotency key was used for another signing."),
        },
    )
    def post(self, request: Request, key: str) -> Response:
        body = self._body(request)
        asked = body.get("language") if isinstance(body, dict) else None
        language = supported(asked) or translation.get_language()
        # Messages, consent labels and the page come back in the signer's language.
        with translation.override(language):
            serializer = SignatureInSerializer(data=body)
            serializer.is_valid(raise_exception=True)
            page = public_page(key, language)
            result = _sign(page, serializer.to_signature_input(language))
        reply = {
            "status": "received",
            "confirmation_required": result.confirmation_required,
        }
        return Response(
            SignatureReceivedSerializer(reply).data, status=status.HTTP_202_ACCEPTED
        )
