"""Wagtail hooks: give every new campaign page its permanent public key at once."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page

from campaigns.models import CampaignPage
from campaigns.services import campaign_identity


@hooks.register("after_create_page")
def create_campaign_identity(request: HttpRequest, page: Page) -> None:
    if isinstance(page, CampaignPage):
        campaign_identity(page)
