"""Signing: `POST /api/v1/campaigns/{key}/signatures/`, JSON only."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.views.decorators.debug import sensitive_variables
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
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
from campaigns.api.outputs import FormTokenSerializer, SignatureReceivedSerializer
from campaigns.api.parsers import BoundedJSONParser, reject_oversized
from campaigns.api.reads import public_page
from campaigns.api.views.base import PublicView
from campaigns.conf import conf
from campaigns.models import CampaignPage
from campaigns.services import campaign_identity
from campaigns.signing import (
    CampaignNotAccepting,
    IdempotencyConflict,
    SignatureInput,
    SignatureInvalid,
    SigningResult,
    signature_create,
)
from campaigns.signing.screening import (
    FORM_STAMP_FIELD,
    HONEYPOT_FIELD,
    issue_form_token,
)
from campaigns.throttling import request_client_key

IDEMPOTENCY_HEADER = "Idempotency-Key"


def _screening(request: Request, validated: dict[str, Any]) -> dict[str, str]:
    """Return the client key and the bot checks' fields `signature_create` takes."""
    return {
        "client_key": request_client_key(request._request),
        "form_token": validated.get(FORM_STAMP_FIELD, ""),
        "honeypot": validated.get(HONEYPOT_FIELD, ""),
    }


@sensitive_variables()
def _sign(page: CampaignPage, data: SignatureInput, **screening: str) -> SigningResult:
    """Call the one signing path, turning its refusals into API errors."""
    try:
        return signature_create(page=page, data=data, **screening)
    except SignatureInvalid as error:
        raise ValidationError(error.errors) from None
    except CampaignNotAccepting as error:
        raise CampaignClosed(error.reason) from None
    except IdempotencyConflict:
        raise IdempotencyKeyReused() from None


def _problem(description: str) -> OpenApiResponse:
    return OpenApiResponse(ProblemSerializer, description=description)


class SignatureCreateView(PublicView):
    browser_access = "sign"
    parser_classes = [BoundedJSONParser]

    @sensitive_variables()
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

    @schema.extend_schema(
        operation_id="signatures_create",
        summary="Sign a campaign",
        description=(
            "Accepts only `application/json`. Every accepted signing gets the same "
            "reply, whether the signer is new, signed before, or retried, and "
            "whether or not it was held back (rate limits, bot checks) uncounted."
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
            503: _problem(
                "The signing could not be stored now (`try_again`, with "
                "`Retry-After`): send it again with the same idempotency key."
            ),
        },
    )
    @sensitive_variables()
    def post(self, request: Request, key: str) -> Response:
        body = self._body(request)
        asked = body.get("language") if isinstance(body, dict) else None
        language = supported(asked) or translation.get_language()
        # Messages, consent labels and the page come back in the signer's language.
        with translation.override(language):
            serializer = SignatureInSerializer(data=body)
            serializer.is_valid(raise_exception=True)
            page = public_page(key, language, request._request)
            result = _sign(
                page,
                serializer.to_signature_input(language),
                **_screening(request, serializer.validated_data),
            )
        reply = {
            "status": "received",
            "confirmation_required": result.confirmation_required,
        }
        return Response(
            SignatureReceivedSerializer(reply).data, status=status.HTTP_202_ACCEPTED
        )


class FormTokenView(PublicView):
    @schema.extend_schema(
        operation_id="form_token_retrieve",
        summary="Get a form token",
        description=(
            "A fresh token for a sign form, never cached. Fetch it when the form is "
            "shown and send it as `form_token` when signing: it proves the form was "
            "shown a person's time ago. Sign no sooner than `min_fill_seconds` "
            "after fetching it: a signing sent sooner is answered 202 like any "
            "other but held back for moderation, and does not count."
        ),
        parameters=[schema.KEY],
        responses={200: FormTokenSerializer, 404: schema.NOT_FOUND},
    )
    def get(self, request: Request, key: str) -> Response:
        page = public_page(key, translation.get_language())
        reply = {
            "form_token": issue_form_token(campaign_identity(page).public_key),
            "expires_in": conf.FORM_TOKEN_MAX_AGE,
            "min_fill_seconds": conf.MIN_FILL_SECONDS,
        }
        response = Response(FormTokenSerializer(reply).data)
        # Each token records its own moment; a shared copy would misdate it.
        response["Cache-Control"] = "no-store"
        return response
