"""Creating and confirming a person's authenticator and backup codes."""

from __future__ import annotations

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10
AUTHENTICATOR = "authenticator"
BACKUP = "backup codes"


def pending_authenticator(user: AbstractBaseUser) -> TOTPDevice:
    """Return `user`'s unconfirmed authenticator, made once so a reload keeps it."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": AUTHENTICATOR}
    )
    return device


def secret_of(device: TOTPDevice) -> str:
    """Return the device's key as the base32 text an app accepts typed in."""
    return b32encode(device.bin_key).decode("ascii")


def qr_svg(device: TOTPDevice) -> str:
    """Return an inline SVG QR code of the device's `otpauth://` URL."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8
    )
    return image.to_string(encoding="unicode")


@transaction.atomic
def confirm_authenticator(device: TOTPDevice) -> list[str]:
    """Make `device` the user's only authenticator; return fresh backup codes.

    Earlier authenticators and backup codes stop working: setting up again is how
    someone who lost a phone (and signed in with a backup code) replaces it.
    """
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=device.user).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    backup = StaticDevice.objects.create(user=device.user, name=BACKUP)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=backup, token=code) for code in codes]
    )
    return codes


def remove_devices(user: AbstractBaseUser) -> int:
    """Delete all of `user`'s devices; return how many there were."""
    return sum(
        model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
        for model in (TOTPDevice, StaticDevice)
    )
