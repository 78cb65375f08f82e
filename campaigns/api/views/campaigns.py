"""Reading campaigns: the list and one campaign's form."""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from campaigns.api import schema
from campaigns.api.caching import CachedReadMixin, shared_body
from campaigns.api.language import requested_language
from campaigns.api.outputs import CampaignDetailSerializer, CampaignSummarySerializer
from campaigns.api.reads import campaign_read, listed_campaigns
from campaigns.api.views.base import PublicView


class CampaignListView(CachedReadMixin, PublicView):
    @schema.extend_schema(
        operation_id="campaigns_list",
        summary="Live campaigns",
        parameters=[schema.LANG, schema.IF_NONE_MATCH],
        responses={
            200: CampaignSummarySerializer(many=True),
            304: schema.NOT_MODIFIED,
        },
    )
    def get(self, request: Request) -> Response:
        """One entry per campaign (not per translation), in the asked language."""
        reads = listed_campaigns(requested_language(request))
        context = {"request": request}
        return Response(
            CampaignSummarySerializer(reads, many=True, context=context).data
        )


class CampaignDetailView(CachedReadMixin, PublicView):
    @schema.campaign_read(
        "One campaign: everything its form needs",
        CampaignDetailSerializer,
        schema.partner_parameter("The embedding partner's key: adds its consent box."),
    )
    def get(self, request: Request, key: str) -> Response:
        """Everything a form needs to render, in the asked language."""
        language = requested_language(request)
        partner_key = request.query_params.get("partner", "")

        def body() -> dict[str, Any]:
            read = campaign_read(key, language, partner_key)
            context = {"request": request}
            return dict(CampaignDetailSerializer(read, context=context).data)

        return Response(shared_body(request, body, language, partner_key))
