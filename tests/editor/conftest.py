"""Fixtures for the campaign editor and the partners viewset."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client, RequestFactory
from wagtail.admin.panels import Panel

from campaigns.models import CampaignPage


def bound_panels(panel: Panel.BoundPanel) -> Iterator[Panel.BoundPanel]:
    """Yield `panel` and every panel inside it, inline forms' panels included."""
    yield panel
    for child in getattr(panel, "children", []):
        yield from bound_panels(child)


def editor_panel(page: CampaignPage, user: Any) -> Panel.BoundPanel:
    """Return the campaign editor bound to `page` as `user` would see it."""
    handler = CampaignPage.get_edit_handler()
    request = RequestFactory().get("/admin/")
    request.user = user
    form = handler.get_form_class()(instance=page, for_user=user)
    return handler.get_bound_panel(instance=page, request=request, form=form)


@pytest.fixture
def partner_admin(db) -> Client:
    """A logged-in admin user holding only the model permissions on partners."""
    user = get_user_model().objects.create_user("partners-admin")
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["wagtailadmin", "undersign_campaigns"],
            codename__in=[
                "access_admin",
                "add_partner",
                "change_partner",
                "delete_partner",
            ],
        )
    )
    client = Client()
    client.force_login(user)
    return client
