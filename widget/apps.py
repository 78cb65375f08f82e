from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WidgetConfig(AppConfig):
    name = "widget"
    label = "undersign_widget"
    verbose_name = _("Undersign widget")

    def ready(self) -> None:
        from widget import checks  # noqa: F401 - registers the system checks
