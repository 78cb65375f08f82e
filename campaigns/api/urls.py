"""The API, version 1: campaigns, signing, stats, partners' OSDI API, schema, docs."""

from __future__ import annotations

from django.urls import path

from campaigns.api.osdi import views as osdi
from campaigns.api.views.campaigns import CampaignDetailView, CampaignListView
from campaigns.api.views.openapi import DocsView, SchemaView
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
    # OSDI routes have no trailing slash, as Action Network's: clients join
    # `people` onto the entry point's URL.
    path("osdi/", osdi.EntryPointView.as_view(), name="osdi-entry"),
    path("osdi/petitions", osdi.PetitionListView.as_view(), name="osdi-petitions"),
    path(
        "osdi/petitions/<str:key>",
        osdi.PetitionDetailView.as_view(),
        name="osdi-petition",
    ),
    path(
        "osdi/petitions/<str:key>/signatures",
        osdi.SignatureListView.as_view(),
        name="osdi-signatures",
    ),
    path(
        "osdi/petitions/<str:key>/signatures/<str:signature_id>",
        osdi.SignatureDetailView.as_view(),
        name="osdi-signature",
    ),
    path("osdi/people", osdi.PersonListView.as_view(), name="osdi-people"),
    path(
        "osdi/people/<str:person_id>",
        osdi.PersonDetailView.as_view(),
        name="osdi-person",
    ),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
]
