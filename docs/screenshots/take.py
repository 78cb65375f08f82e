"""Photograph the organizers' admin for the README, from a fresh demo.

    .venv/bin/python docs/screenshots/take.py

Builds a throwaway SQLite database (migrate, the demo seed, a fortnight of
signatures by made-up signers), serves the site from this process on a free
loopback port, and saves 1280-wide PNGs of the admin here with Debian's Chromium.
Nothing outside a temporary directory and `docs/screenshots/` is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from playwright.sync_api import Page, expect, sync_playwright

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from campaigns.models import CampaignPage, Signature
    from campaigns.signing import SignatureInput

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
# A rising fortnight, oldest day first: enough for the chart to have a shape.
PER_DAY = [2, 4, 3, 6, 9, 7, 12, 16, 13, 19, 24, 18, 27, 31]
FIRST = ["Ana", "Bo", "Chen", "Dara", "Eli", "Farah", "Gus", "Hana", "Ivan", "Joy"]
LAST = ["Reyes", "Okafor", "Li", "Novak", "Haddad", "Kim", "Silva", "Park", "Diaz"]
THROTTLES_OFF = dict.fromkeys(
    ["client_burst", "client_sustained", "campaign_burst", "campaign_sustained"]
)
VIEWPORT = {"width": 1280, "height": 900}
# Made-up partners besides the seed's, so the lists have more than one row.
PARTNERS = [
    {"name": "Riverside Tenants Union", "slug": "riverside-tenants"},
    {"name": "Queens Youth Coalition", "slug": "queens-youth", "is_test_mode": True},
]
PARTNER_KEYS = ["make-the-road", "make-the-road", "riverside-tenants", "", ""]


def configure(workdir: Path) -> None:
    """Point Django at development settings and a database of our own, then set up."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'screenshots.sqlite3'}"
    os.environ.pop("REDIS_URL", None)
    # Playwright's sync API keeps an event loop in this thread; the ORM would refuse.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def backdate(signatures: QuerySet[Signature], age: int) -> None:
    """Spread `signatures` over the day `age` days ago, from 9 a.m., never ahead."""
    from django.utils import timezone

    now = timezone.now()
    day = timezone.localdate() - timedelta(days=age)
    start = timezone.make_aware(datetime.combine(day, time(9)))
    pks = list(signatures.order_by("pk").values_list("pk", flat=True))
    for index, pk in enumerate(pks):
        # Signing stamps now; the chart needs the days they stand for.
        at = min(
            start + index * timedelta(minutes=23),
            now - timedelta(minutes=len(pks) - index),
        )
        signatures.model.objects.filter(pk=pk).update(created_at=at, confirmed_at=at)


def made_up_signer(n: int) -> SignatureInput:
    """Return the `n`th made-up signer: names, a partner, some consents."""
    from campaigns.signing import SignatureInput

    first, last = FIRST[n % len(FIRST)], LAST[n % len(LAST)]
    partner_key = PARTNER_KEYS[n % len(PARTNER_KEYS)]
    consents = ["display"] if n % 3 else []
    if partner_key and n % 4:
        consents.append(f"partner:{partner_key}")
    return SignatureInput(
        email=f"{first}.{last}.{n}@example.org".lower(),
        first_name=first,
        last_name=last,
        postal_code=f"{10001 + n % 90:05d}",
        consents=consents,
        partner_key=partner_key,
        language="en",
    )


def seed_signatures(page: CampaignPage) -> None:
    """Sign the demo campaign `PER_DAY` times a day over the last fortnight."""
    from django.test import override_settings

    from campaigns.models import Signature
    from campaigns.signing import signature_create

    made = 0
    with override_settings(UNDERSIGN_THROTTLE_RATES=THROTTLES_OFF):
        for age, count in zip(range(len(PER_DAY) - 1, -1, -1), PER_DAY, strict=True):
            latest = Signature.objects.order_by("-pk").values_list("pk", flat=True)
            last_pk = latest.first() or 0
            for n in range(made, made + count):
                signature_create(page=page, data=made_up_signer(n))
            made += count
            backdate(Signature.objects.filter(pk__gt=last_pk), age)


def seed_partners(page: CampaignPage) -> None:
    """Add `PARTNERS` to the campaign and publish it again."""
    from campaigns.models import CampaignPartner, Partner

    for fields in PARTNERS:
        partner = Partner.objects.create(
            website=f"https://{fields['slug']}.example.org", **fields
        )
        label = f"Allow {partner.name} to contact me"
        page.campaign_partners.add(
            CampaignPartner(partner=partner, consent_label=label)
        )
    page.save_revision().publish()


def prepare() -> tuple[int, str]:
    """Migrate, seed the demo and its signatures; return the page id and password."""
    from django.core.management import call_command

    from cms.seed.demo import seed_demo

    call_command("migrate", verbosity=0, interactive=False)
    seeded = seed_demo(port=8000, partner_port=8001, with_admin=True)
    seed_partners(seeded.page)
    seed_signatures(seeded.page)
    if seeded.admin_password is None:
        raise SystemExit("The demo admin needs development settings.")
    return seeded.page.pk, seeded.admin_password


@contextmanager
def serve() -> Iterator[str]:
    """Serve the site, static files included, on a free loopback port; yield its URL."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Keep the terminal for the script's own lines."""

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def shoot(tab: Page, name: str) -> Path:
    """Save what `tab` shows as `name`.png here; return the file."""
    path = HERE / f"{name}.png"
    tab.screenshot(path=str(path))
    return path


def log_in(tab: Page, url: str, password: str) -> None:
    tab.goto(f"{url}/admin/login/")
    tab.get_by_label("Username").fill("admin")
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Sign in").click()
    expect(tab).to_have_url(f"{url}/admin/")


def shoot_editor(tab: Page, url: str, page_id: int) -> list[Path]:
    """The Content tab, then the Embed tab with the partner's snippet just copied."""
    tab.goto(f"{url}/admin/pages/{page_id}/edit/")
    expect(tab.get_by_role("tab", name="Content")).to_be_visible()
    saved = [shoot(tab, "admin-editor")]
    tab.get_by_role("tab", name="Embed").click()
    partner = tab.locator("[data-undersign-partner='make-the-road']")
    partner.locator("[data-undersign-copy$='-isolated']").click()
    expect(partner.locator("[id$='-isolated-status']")).to_have_text("Copied")
    partner.scroll_into_view_if_needed()
    return [*saved, shoot(tab, "admin-embed")]


def shoot_dashboard(tab: Page, url: str, page_id: int) -> Path:
    tab.goto(f"{url}/admin/undersign/campaigns/{page_id}/")
    expect(tab.locator("[data-undersign-chart]")).to_be_visible()
    # The admin scrolls inside its layout, so a whole-page shot needs a tall window.
    height = tab.evaluate("document.querySelector('main').scrollHeight")
    tab.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    path = shoot(tab, "admin-dashboard")
    tab.set_viewport_size(VIEWPORT)
    return path


def photograph(url: str, page_id: int, password: str) -> list[Path]:
    """Log in as the demo admin and save each admin screen; return the files."""
    from tests.chromium import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport=VIEWPORT)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)
        tab = context.new_page()
        log_in(tab, url, password)
        saved = shoot_editor(tab, url, page_id)
        saved.append(shoot_dashboard(tab, url, page_id))
        tab.goto(f"{url}/admin/undersign/partners/")
        saved.append(shoot(tab, "admin-partners"))
        tab.goto(f"{url}/admin/undersign/signatures/")
        saved.append(shoot(tab, "admin-signers"))
        browser.close()
    return saved


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="undersign-screenshots-") as workdir:
        configure(Path(workdir))
        page_id, password = prepare()
        with serve() as url:
            for path in photograph(url, page_id, password):
                sys.stdout.write(f"{path.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
