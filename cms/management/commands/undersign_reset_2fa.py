"""`manage.py undersign_reset_2fa USERNAME`: for someone who lost phone and codes."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.twofactor.devices import remove_devices


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator and backup codes; their next sign-in asks "
        "them to set up two-factor sign-in again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        model = get_user_model()
        try:
            user = model._default_manager.get_by_natural_key(username)
        except model.DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        removed = remove_devices(user)
        self.stdout.write(f"Removed {removed} two-factor device(s) of {username}.")
