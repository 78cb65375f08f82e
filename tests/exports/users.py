"""Admin users holding page permissions on one campaign, for the signer-data tests."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission, Page

from tests.partners.users import partner_user

VIEW_SIGNERS = "view_signers_page"
EDIT_PAGE = "change_page"


def organizer(username: str, page: Page | None = None, *codenames: str) -> Client:
    """A logged-in client of an admin user whose group holds `codenames` on `page`."""
    user = partner_user(username)
    if page is not None:
        group = Group.objects.create(name=f"{username} group")
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.create(
                group=group, page=page, permission=permission
            )
        user.groups.add(group)
    return logged_in(user)


def superuser(username: str = "root") -> Client:
    user = get_user_model().objects.create_superuser(username=username)
    return logged_in(user)


def logged_in(user: AbstractBaseUser) -> Client:
    client = Client()
    client.force_login(user)
    return client
