"""Admin users for the partner tests: Wagtail admin access, nothing more."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Permission

from campaigns.models import Partner, PartnerMember


def partner_user(username: str, partner: Partner | None = None) -> AbstractBaseUser:
    """A user with Wagtail admin access only, acting for `partner` if given."""
    user = get_user_model().objects.create_user(username=username)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    if partner is not None:
        PartnerMember.objects.create(user=user, partner=partner)
    return user
