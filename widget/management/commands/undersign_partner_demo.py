"""Write a demo partner page showing the snippets exactly as a partner pastes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template import Context, Template

from campaigns.models import Partner
from campaigns.selectors import campaign_page_for_key
from widget.snippets import page_snippets


class Command(BaseCommand):
    help = (
        "Render a partner page template with the embed snippets of one campaign "
        "and partner, into OUT/index.html."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", required=True, type=Path, help="Folder to write.")
        parser.add_argument(
            "--site",
            required=True,
            help="This server's origin, e.g. http://127.0.0.1:8000",
        )
        parser.add_argument(
            "--template",
            required=True,
            type=Path,
            help="A Django template; it gets `page`, `partner`, `site`, `snippets`.",
        )
        parser.add_argument("--campaign", default="ice-free-nyc")
        parser.add_argument("--partner", default="make-the-road")

    def handle(self, *args: Any, **options: Any) -> None:
        page = campaign_page_for_key(options["campaign"])
        if page is None:
            raise CommandError(f"No live campaign {options['campaign']!r}: seed first.")
        partner = Partner.objects.filter(slug=options["partner"]).first()
        if partner is None:
            raise CommandError(f"No partner {options['partner']!r}: seed first.")
        site = options["site"].rstrip("/")
        template = Template(options["template"].read_text())
        html = template.render(
            Context(
                {
                    "page": page,
                    "partner": partner,
                    "site": site,
                    "snippets": page_snippets(
                        site=site, page=page, partner=partner.slug
                    ),
                }
            )
        )
        out: Path = options["out"]
        out.mkdir(parents=True, exist_ok=True)
        (out / "index.html").write_text(html)
        self.stdout.write(str(out / "index.html"))
