"""The API, version 1: campaigns, signing, stats, partners' signers, schema, docs."""

from __future__ import annotations

from django.urls import path

from campaigns.api.views.campaigns import CampaignDetailView, CampaignListView
from campaigns.api.views.openapi import DocsView, SchemaView
from campaigns.api.views.partner import PartnerSignatureListView
from campaigns.api.views.signing import FormTokenView, SignatureCreateView
from campaigns.api.views.stats import CampaignStatsView

app_name = "undersign_api"

urlpatterns = [
    path("campaigns/", CampaignListView.as_view(), name="campaign-list"),
    path("campaigns/<str:key>/", CampaignDetailView.as_view(), name="campaign-detail"),
    path(
        "campaigns/<str:key>/signatures/",
        SignatureCreateView.as_view(),
        name="signature-create",
    ),
    path(
        "campaigns/<str:key>/form-token/",
        FormTokenView.as_view(),
        name="form-token",
    ),
    path(
        "campaigns/<str:key>/stats/", CampaignStatsView.as_view(), name="campaign-stats"
    ),
    path(
        "partner/signatures/",
        PartnerSignatureListView.as_view(),
        name="partner-signatures",
    ),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
]
