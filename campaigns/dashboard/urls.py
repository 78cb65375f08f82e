"""Admin URLs of the campaign dashboard, mounted by `wagtail_hooks`."""

from __future__ import annotations

from django.urls import path

from campaigns.admin.access import forbidden_is_403
from campaigns.dashboard import views

urlpatterns = [
    path(
        "undersign/campaigns/<int:page_id>/",
        forbidden_is_403(views.dashboard),
        name="undersign_dashboard",
    ),
    path(
        "undersign/campaigns/<int:page_id>/state/<slug:state>/",
        forbidden_is_403(views.change_state),
        name="undersign_campaign_state",
    ),
    path(
        "undersign/campaigns/<int:page_id>/delivery/",
        forbidden_is_403(views.delivery),
        name="undersign_delivery_pdf",
    ),
]
