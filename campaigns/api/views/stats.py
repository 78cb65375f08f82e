"""A campaign's count, goal and consenting recent signers."""

from __future__ import annotations

from rest_framework.request import Request
from rest_framework.response import Response

from campaigns.api import schema
from campaigns.api.caching import CachedReadMixin, shared_body
from campaigns.api.language import requested_language
from campaigns.api.outputs import StatsSerializer
from campaigns.api.reads import campaign_stats
from campaigns.api.views.base import PublicView


class CampaignStatsView(CachedReadMixin, PublicView):
    @schema.campaign_read("Count, goal and recent signers", StatsSerializer)
    def get(self, request: Request, key: str) -> Response:
        """The public count, the goal, and recent signers who agreed to be shown."""
        language = requested_language(request)
        body = shared_body(
            request,
            lambda: dict(StatsSerializer(campaign_stats(key, language)).data),
            language,
        )
        return Response(body)
