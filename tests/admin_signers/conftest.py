"""Fixtures for the signer admin: two campaigns, users per permission, signing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission, Page

from campaigns.crypto import email_index
from campaigns.models import CampaignPage, Partner, Signature
from campaigns.signing import SignatureInput, signature_create
from tests.factories import campaign_page

SignFn = Callable[..., Signature]


def page_permission(codename: str) -> Permission:
    return Permission.objects.get(
        content_type__app_label="wagtailcore", codename=codename
    )


def admin_user(
    username: str, page: Page | None = None, *codenames: str
) -> AbstractBaseUser:
    """A Wagtail admin user whose group holds `codenames` on `page`."""
    user = get_user_model().objects.create_user(username=username)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    if page is not None:
        group = Group.objects.create(name=f"{username} group")
        for codename in codenames:
            GroupPagePermission.objects.create(
                group=group, page=page, permission=page_permission(codename)
            )
        user.groups.add(group)
    return user


def client_for(user: AbstractBaseUser) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def page_b(db) -> CampaignPage:
    """A second campaign, of another coalition member."""
    return campaign_page(title="Fund the libraries", slug="fund-the-libraries")


@pytest.fixture
def sign() -> SignFn:
    """Sign `page` through the one signing service; return the stored signature."""

    def _sign(
        page: CampaignPage,
        email: str,
        *,
        partner: Partner | None = None,
        client_key: str = "",
        **fields: Any,
    ) -> Signature:
        data: dict[str, Any] = {"first_name": "Ana", "last_name": "Díaz", **fields}
        signature_create(
            page=page,
            data=SignatureInput(
                email=email, partner_key=partner.slug if partner else "", **data
            ),
            client_key=client_key,
        )
        return Signature.objects.get(
            campaign__translation_key=page.translation_key,
            email_index=email_index(email),
        )

    return _sign


@pytest.fixture
def viewer(page) -> Client:
    """May see campaign A's signers, and nothing else."""
    return client_for(admin_user("viewer", page, "view_signers_page"))


@pytest.fixture
def moderator(page) -> Client:
    """May see and moderate campaign A's signers."""
    return client_for(
        admin_user("moderator", page, "view_signers_page", "moderate_signers_page")
    )


@pytest.fixture
def editor(page) -> Client:
    """May edit campaign A's page but not see its signers."""
    return client_for(admin_user("editor", page, "change_page", "publish_page"))


@pytest.fixture
def root(db) -> AbstractBaseUser:
    """A superuser, who may see and moderate every campaign's signers."""
    return get_user_model().objects.create_superuser(username="root")


@pytest.fixture
def superuser(root) -> Client:
    return client_for(root)
