"""Organizers erase a signer on request; audited by campaign and count, not name."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import serializers
from django.test import Client
from wagtail.models import ModelLogEntry, PageLogEntry

from campaigns.admin.erasure import ERASE_SIGNER
from campaigns.models import Signature
from tests.partners.users import partner_user
from tests.yourdata.conftest import EMAIL, FIRST_NAME, LAST_NAME, OTHER_EMAIL

URL = "/admin/undersign/erase-signer/"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def superuser(db) -> Client:
    user = get_user_model().objects.create_superuser(username="organizer", email="")
    return _client(user)


@pytest.fixture
def eraser(db) -> Client:
    """An editor given the delete-signature permission, and nothing else of ours."""
    user = partner_user("eraser")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="undersign_campaigns", codename="delete_signature"
        )
    )
    return _client(user)


def _held(email_index: str) -> int:
    return Signature.objects.filter(email_index=email_index).count()


@pytest.mark.parametrize("who", ["superuser", "eraser"])
def test_a_permitted_user_erases_the_signer_everywhere(signed, request, who):
    client = request.getfixturevalue(who)
    index = signed[0].email_index

    response = client.post(URL, {"email": f"  {EMAIL.upper()} "}, follow=True)

    assert response.status_code == 200
    assert "2 signatures were erased." in response.content.decode()
    assert _held(index) == 0
    assert Signature.objects.filter(status=Signature.Status.WITHDRAWN).count() == 2
    other = Signature.objects.exclude(status=Signature.Status.WITHDRAWN).get()
    assert other.identity.email == OTHER_EMAIL


def test_the_page_does_not_echo_the_address_back(signed, superuser):
    response = superuser.post(URL, {"email": EMAIL})

    assert EMAIL not in response.content.decode()


def test_an_address_that_never_signed_erases_nothing(signed, superuser):
    response = superuser.post(URL, {"email": "nobody@example.org"})

    assert "0 signatures were erased." in response.content.decode()
    assert Signature.objects.filter(status=Signature.Status.WITHDRAWN).count() == 0
    assert not ModelLogEntry.objects.filter(action=ERASE_SIGNER).exists()


def test_an_invalid_address_is_refused(signed, superuser):
    response = superuser.post(URL, {"email": "not an address"})

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert Signature.objects.filter(status=Signature.Status.WITHDRAWN).count() == 0


def test_other_admin_users_get_403_and_nothing_changes(signed):
    client = _client(partner_user("editor"))

    assert client.get(URL).status_code == 403
    assert client.post(URL, {"email": EMAIL}).status_code == 403
    assert _held(signed[0].email_index) == 2


def test_the_audit_log_names_campaigns_and_counts_but_no_one(signed, superuser):
    index = signed[0].email_index

    superuser.post(URL, {"email": EMAIL})

    entries = ModelLogEntry.objects.filter(action=ERASE_SIGNER)
    assert sorted(entry.data["campaign"] for entry in entries) == sorted(
        signature.campaign.public_key for signature in signed
    )
    assert {entry.data["signatures"] for entry in entries} == {1}
    dump = serializers.serialize(
        "json", [*ModelLogEntry.objects.all(), *PageLogEntry.objects.all()]
    )
    for identifier in (EMAIL, FIRST_NAME, LAST_NAME, index):
        assert identifier not in dump


def test_the_menu_offers_erasure_only_to_those_who_may(signed, superuser):
    editor = _client(partner_user("editor"))

    assert URL in superuser.get("/admin/").content.decode()
    assert URL not in editor.get("/admin/").content.decode()
