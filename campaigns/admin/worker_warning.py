"""The admin home's warning when the background worker is not doing its work."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wagtail.admin.ui.components import Component

from campaigns.worker import overdue


class WorkerWarningPanel(Component):
    """Says what is overdue (emails, webhooks, periodic jobs); nothing when on time."""

    name = "undersign_worker_warning"
    template_name = "undersign/admin/worker_warning.html"
    order = 10

    def render_html(self, parent_context: Mapping[str, Any] | None = None) -> str:
        self.problems = overdue()
        return super().render_html(parent_context) if self.problems else ""

    def get_context_data(
        self, parent_context: Mapping[str, Any] | None = None
    ) -> Mapping[str, Any]:
        return {"problems": self.problems}
