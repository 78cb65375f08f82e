"""The admin home's panel: the user's campaigns, their counts and goal progress."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wagtail.admin.ui.components import Component

from campaigns.admin.new_campaign import may_add_pages
from campaigns.authorization import dashboard_campaigns
from campaigns.dashboard.selectors import campaign_summaries

CAMPAIGNS_SHOWN = 10


class CampaignsPanel(Component):
    """Lists the campaigns whose dashboard the user may see, and offers a new
    one to those who may add pages; nothing if neither."""

    name = "undersign_campaigns"
    template_name = "undersign/admin/dashboard/home_panel.html"
    order = 90

    def __init__(self, user: Any) -> None:
        self.user = user

    def get_context_data(
        self, parent_context: Mapping[str, Any] | None = None
    ) -> Mapping[str, Any]:
        summaries, more = campaign_summaries(
            dashboard_campaigns(self.user), CAMPAIGNS_SHOWN
        )
        return {
            "summaries": summaries,
            "more": more,
            "may_add": may_add_pages(self.user),
        }
