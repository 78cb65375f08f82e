"""Browser tests: Debian's Chromium driven by Playwright, against `live_server`."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import (
    Browser,
    BrowserContext,
    FrameLocator,
    Locator,
    Page,
)

from campaigns.models import CampaignPage, Partner
from tests.factories import restore_wagtail_tree


@pytest.fixture(scope="module", autouse=True)
def _wagtail_tree_after_browser_tests(wagtail_tree_after_module) -> None:
    """After this module's last flush, leave the database as migrations did."""


# The seed campaign's hosted page: home, campaigns section, campaign.
SEED_PATH = "/en/campaigns/ice-free-nyc/"


@pytest.fixture
def seeded_live(live_server) -> CampaignPage:
    """The seed campaign on the live server (after an earlier test's flush)."""
    restore_wagtail_tree()
    call_command("undersign_seed_demo", partner_port=8001)
    return CampaignPage.objects.get(slug="ice-free-nyc")


class PartnerSite:
    """Pages on other sites (`partner.test`, `evil.test`), served from a temp folder."""

    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        self.port = port

    def origin(self, host: str = "partner.test") -> str:
        return f"http://{host}:{self.port}"

    def page(
        self, name: str, body: str, host: str = "partner.test", head: str = ""
    ) -> str:
        """Write an HTML page (with `head` markup) and return its URL on `host`."""
        (self.root / name).write_text(
            f'<!doctype html><html lang="en"><head><meta charset="utf-8">{head}'
            f"<title>{name}</title></head><body>{body}</body></html>",
            encoding="utf-8",
        )
        return f"{self.origin(host)}/{name}"


@pytest.fixture(scope="session")
def partner_site(tmp_path_factory) -> Iterator[PartnerSite]:
    """A plain HTTP server on a free loopback port, as a partner's own website."""
    root = tmp_path_factory.mktemp("partner-site")
    handler = partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield PartnerSite(root, server.server_address[1])
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the test output clean."""


@pytest.fixture
def site_url(live_server) -> str:
    """Our site under a name of its own, so partner pages are another site."""
    return live_server.url.replace("localhost", "undersign.test").replace(
        "127.0.0.1", "undersign.test"
    )


@pytest.fixture
def seeded_cross_site(seeded_live, partner_site) -> CampaignPage:
    """The seed campaign, its partner allowed to embed from `partner.test` only."""
    partner = Partner.objects.get(slug="make-the-road")
    partner.allowed_origins = partner_site.origin()
    partner.save()
    return seeded_live


SIGNER = {"first_name": "Ana", "last_name": "Ruiz"}


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser profile for one test: no cookies, cache or storage carried."""
    context = browser.new_context()
    yield context
    context.close()
    _finish_requests_in_flight()


def _finish_requests_in_flight(timeout: float = 5.0) -> None:
    """Let the servers finish what the closed browser had asked of them.

    The test's flush comes after this; a request still being served then could
    write to the emptied database (a campaign identity for a page that is gone)
    and break the next test's seed.
    """
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(max(0.0, deadline - time.monotonic()))


@pytest.fixture
def tab(context: BrowserContext) -> Page:
    return context.new_page()


class HostPages:
    """Partner pages that paste the widget's snippet, pointing at the live server."""

    def __init__(self, partner_site: PartnerSite, site_url: str) -> None:
        self.partner_site = partner_site
        self.site_url = site_url

    @property
    def script(self) -> str:
        return f'<script src="{self.site_url}/widget/v1/undersign.js" async></script>'

    def element(
        self, campaign: str = "ice-free-nyc", partner: str = "make-the-road", **attrs
    ) -> str:
        """Return an `<undersign-petition>` tag with `attrs` (e.g. mode="inline")."""
        pairs = {"campaign": campaign, "partner": partner, **attrs}
        return "<undersign-petition {}></undersign-petition>".format(
            " ".join(f'{name}="{value}"' for name, value in pairs.items() if value)
        )

    def page(
        self,
        name: str,
        body: str,
        host: str = "partner.test",
        query: str = "",
        head: str = "",
    ) -> str:
        """Write a page whose body is `body` and return its URL (plus `query`)."""
        return self.partner_site.page(name, body, host, head) + query


@pytest.fixture
def host_pages(partner_site: PartnerSite, site_url: str) -> HostPages:
    return HostPages(partner_site, site_url)


def fill_signer(
    scope: Page | FrameLocator | Locator, email: str, **fields: str
) -> None:
    """Type a signer's email and names into the form inside `scope`."""
    values = {**SIGNER, **fields}
    scope.get_by_label("Email", exact=True).fill(email)
    scope.get_by_label("First name", exact=True).fill(values["first_name"])
    scope.get_by_label("Last name", exact=True).fill(values["last_name"])


def submit(scope: Page | FrameLocator | Locator) -> None:
    scope.get_by_role("button", name="Sign the petition").click()


def widget_panel(tab: Page, mode: str) -> FrameLocator | Locator:
    """Return where the one widget on `tab` shows its form: frame or shadow root."""
    if mode == "inline":
        return tab.locator("undersign-petition")
    return tab.frame_locator("undersign-petition iframe")


# axe-core from the axe-playwright-python package, run in the page: nothing
# comes from a CDN. Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA.
WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


def axe_violations(tab: Page, include: str | None = None) -> list[str]:
    """Return axe-core's WCAG A/AA violations on `tab` (within `include`), named."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab, context=include, options=WCAG_AA).response
    return [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']]}"
        for violation in results["violations"]
    ]
