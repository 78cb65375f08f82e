"""Two-factor sign-in: with the setting on, a password alone opens nothing."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from cms.twofactor.devices import confirm_authenticator
from tests.security.conftest import PASSWORD, code_for

SETUP = "/admin/2fa/setup/"
VERIFY = "/admin/2fa/verify/"
ADMIN_URLS = ["/admin/", "/admin/pages/", "/admin/users/", "/admin/login/"]


@pytest.fixture
def enrolled(editor) -> tuple[TOTPDevice, list[str]]:
    """The editor's confirmed authenticator and backup codes."""
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=False)
    return device, confirm_authenticator(device)


def _verify(client, code: str, **extra):
    return client.post(VERIFY, {"code": code, **extra})


def test_signing_in_without_a_device_leads_to_setup(client, editor, require_2fa):
    response = client.post(
        "/admin/login/",
        {"username": "organizer", "password": PASSWORD, "next": "/admin/pages/"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == f"{SETUP}?next=%2Fadmin%2Fpages%2F"
    assert b"<svg" in response.content
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    assert device.config_url.startswith("otpauth://totp/Undersign%3Aorganizer?")


def test_the_right_code_at_setup_confirms_the_device_and_shows_backup_codes(
    client, editor, require_2fa
):
    client.force_login(editor)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)

    response = client.post(SETUP, {"code": code_for(device), "next": "/admin/pages/"})

    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = StaticToken.objects.filter(device__user=editor)
    assert codes.count() == 10
    assert all(code.token in response.content.decode() for code in codes)
    assert "no-store" in response["Cache-Control"]
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_at_setup_is_refused(client, editor, require_2fa):
    client.force_login(editor)
    client.get(SETUP)

    response = client.post(SETUP, {"code": "000000"})

    assert b"That code is not right" in response.content
    assert not TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/admin/").url.startswith(SETUP)


def test_reloading_setup_keeps_the_secret_already_scanned(client, editor, require_2fa):
    client.force_login(editor)

    first, second = client.get(SETUP), client.get(SETUP)

    assert TOTPDevice.objects.filter(user=editor).count() == 1
    assert first.context["secret"] == second.context["secret"]


def test_signing_in_with_a_device_leads_to_verify(
    client, editor, enrolled, require_2fa
):
    response = client.post(
        "/admin/login/", {"username": "organizer", "password": PASSWORD}
    )
    response = client.get(response.url)

    assert response.status_code == 302
    assert response.url == f"{VERIFY}?next=%2Fadmin%2F"


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_no_admin_url_is_reachable_before_verification(
    client, editor, enrolled, require_2fa, url
):
    client.force_login(editor)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(VERIFY)


def test_an_admin_post_before_verification_is_not_carried_out(
    client, editor, enrolled, require_2fa
):
    client.force_login(editor)

    response = client.post("/admin/users/add/", {"username": "intruder"})

    assert response.url == VERIFY
    assert not type(editor).objects.filter(username="intruder").exists()


def test_a_wrong_code_is_refused(client, editor, enrolled, require_2fa):
    client.force_login(editor)

    response = _verify(client, "123456")

    assert response.status_code == 200
    assert b"That code is not right" in response.content
    assert client.get("/admin/").status_code == 302


def test_the_right_code_admits(client, editor, enrolled, require_2fa):
    client.force_login(editor)

    response = _verify(client, code_for(enrolled[0]), next="/admin/pages/")

    assert response.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_backup_code_admits_once(client, editor, enrolled, require_2fa):
    backup = enrolled[1][0]
    client.force_login(editor)
    assert _verify(client, backup).url == "/admin/"
    client.logout()
    client.force_login(editor)

    response = _verify(client, backup)

    assert b"That code is not right" in response.content


def test_verify_never_sends_someone_to_another_site(
    client, editor, enrolled, require_2fa
):
    client.force_login(editor)

    response = _verify(client, code_for(enrolled[0]), next="https://evil.example/")

    assert response.url == "/admin/"


def test_a_password_alone_cannot_replace_the_authenticator(
    client, editor, enrolled, require_2fa
):
    client.force_login(editor)

    response = client.post(SETUP, {"code": "123456"})

    assert response.status_code == 302
    assert response.url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).count() == 1


def test_a_verified_user_may_replace_a_lost_phone(
    client, editor, enrolled, require_2fa
):
    client.force_login(editor)
    _verify(client, enrolled[1][0])  # a backup code: the phone is gone
    client.get(SETUP)
    new = TOTPDevice.objects.get(user=editor, confirmed=False)

    client.post(SETUP, {"code": code_for(new)})

    assert list(TOTPDevice.objects.filter(user=editor)) == [new]
    assert not StaticToken.objects.filter(token=enrolled[1][1]).exists()


def test_an_unverified_session_is_anonymous_on_private_pages(
    client, editor, enrolled, require_2fa, hosted
):
    PageViewRestriction.objects.create(
        page=hosted, restriction_type=PageViewRestriction.LOGIN
    )
    client.force_login(editor)

    assert client.get("/en/").status_code == 302
    _verify(client, code_for(enrolled[0]))
    assert client.get("/en/").status_code == 200


def test_visitors_without_a_session_get_replies_caches_may_share(
    client, require_2fa, hosted
):
    response = client.get(f"/api/v1/campaigns/{hosted.slug}/")

    assert response.status_code == 200
    assert "cookie" not in response["Vary"].lower()


def test_the_steps_need_a_password_first(client, db, require_2fa):
    for url in (SETUP, VERIFY):
        response = client.get(url)
        assert response.url.startswith("/admin/login/"), url


def test_with_the_setting_off_a_password_is_enough(client, editor, enrolled):
    client.post("/admin/login/", {"username": "organizer", "password": PASSWORD})

    assert client.get("/admin/").status_code == 200


def test_an_administrator_can_reset_a_locked_out_user(
    client, editor, enrolled, require_2fa
):
    out = StringIO()

    call_command("undersign_reset_2fa", "organizer", stdout=out)

    assert "Removed 2 two-factor device(s)" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()
    client.force_login(editor)
    assert client.get("/admin/").url.startswith(SETUP)


def test_resetting_an_unknown_user_fails_clearly(db):
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("undersign_reset_2fa", "nobody")
