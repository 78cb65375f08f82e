"""Admin users for the dashboard and delivery tests, by what they may do on a page."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission, Page

EDITOR = ("add", "change", "publish")
SIGNER_VIEWER = ("view_signers",)


def admin_user(username: str, page: Page | None = None, perms=()) -> AbstractBaseUser:
    """A user with admin access and, on `page` and below, the page `perms` given."""
    user = get_user_model().objects.create_user(username=username)
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    user.groups.add(group)
    if page is not None:
        grant(page, username, perms)
    return user


def grant(page: Page, username: str, perms) -> None:
    """Give `username`'s group the page `perms` on `page` and below."""
    group = Group.objects.get(name=f"{username} group")
    for perm in perms:
        GroupPagePermission.objects.create(group=group, page=page, permission_type=perm)


def client_for(user: AbstractBaseUser) -> Client:
    client = Client()
    client.force_login(user)
    return client
