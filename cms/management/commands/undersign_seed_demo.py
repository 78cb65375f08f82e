"""`manage.py undersign_seed_demo`: the demo campaign, partner and admin, once."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from cms.seed.demo import seed_demo


class Command(BaseCommand):
    help = "Seed the ICE-Free NYC demo campaign and partner (safe to run again)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT", "8000")),
            help="Port the site is served on (default: $PORT or 8000).",
        )
        parser.add_argument(
            "--partner-port",
            type=int,
            default=int(os.environ.get("PARTNER_PORT", "8001")),
            help="Port of the demo partner page (default: $PARTNER_PORT or 8001).",
        )

    def handle(self, *args: Any, port: int, partner_port: int, **options: Any) -> None:
        seeded = seed_demo(
            port=port,
            partner_port=partner_port,
            with_admin=getattr(settings, "UNDERSIGN_DEV_SEED", False),
        )
        self.stdout.write(
            f"Seeded campaign “{seeded.page.title}” and partner "
            f"“{seeded.partner.name}”."
        )
        if seeded.admin_password:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin login (development only): admin / {seeded.admin_password}"
                )
            )
