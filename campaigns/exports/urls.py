"""Admin URLs of signer exports, in the `undersign_exports` namespace."""

from __future__ import annotations

from django.urls import path

from campaigns.admin.access import forbidden_is_403
from campaigns.exports import views

app_name = "undersign_exports"

urlpatterns = [
    path("", forbidden_is_403(views.export_start_view), name="start"),
    path(
        "status/<int:export_id>/",
        forbidden_is_403(views.export_status_view),
        name="status",
    ),
    path(
        "download/<int:export_id>/",
        forbidden_is_403(views.export_download_view),
        name="download",
    ),
]
