from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    label = "undersign_campaigns"
    verbose_name = _("Undersign campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from campaigns import checks  # noqa: F401  (registers the system checks)
        from campaigns.api import (
            cors,  # noqa: F401  (connects the CORS decision)
            published,  # noqa: F401  (forgets changed pages)
        )
        from campaigns.deliveries import handlers  # noqa: F401  (registers them)
