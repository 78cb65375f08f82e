"""The organizer's day, through the real admin in Chromium.

Log in, add a partner, write and publish a campaign, copy the partner's snippet
from the Embed tab, paste it into a page on another site, sign there as a
visitor, then see the signature in the dashboard's count and chart and in the
CSV export. Only the organizer account and the site's home page are made here
with the ORM; every step the organizer takes goes through the admin's pages.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.utils import dateformat
from playwright.sync_api import Browser, BrowserContext, Page, expect
from wagtail.models import Site

from campaigns.dashboard.selectors import site_today
from tests.conftest import restore_wagtail_tree
from tests.e2e.conftest import PartnerSite, fill_signer, submit

pytestmark = pytest.mark.e2e

PARTNER = {"name": "Riverside Tenants Union", "slug": "riverside-tenants"}
CAMPAIGN = {
    "title": "Clean air for Riverside",
    "call_to_action": "Close the Riverside incinerator",
    "target": "Mayor of Riverside",
    "organizer_name": "Riverside Air Coalition",
    "letter": "Dear Mayor, our children breathe this air every day.",
}
CONSENT = f"Allow {PARTNER['name']} to contact me"
VISITOR = {"email": "lena.visitor@example.org", "first_name": "Lena", "last_name": "Ko"}


@pytest.fixture
def organizer_context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    """The organizer's profile, which may use the clipboard on the admin's origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live_server.url
    )
    yield context
    context.close()


@pytest.fixture
def organizer(live_server) -> tuple[str, str]:
    """A superuser's name and password, on a site with only its home page."""
    restore_wagtail_tree()
    password = secrets.token_urlsafe()
    get_user_model().objects.create_superuser("organizer", password=password)
    return "organizer", password


def log_in(tab: Page, admin: str, credentials: tuple[str, str]) -> None:
    """Sign in through Wagtail's login form."""
    username, password = credentials
    tab.goto(f"{admin}/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Sign in").click()
    expect(tab).to_have_url(f"{admin}/admin/")


def add_partner(tab: Page, admin: str, origin: str) -> None:
    """Add `PARTNER`, allowed to embed from `origin`, in the Partners listing."""
    tab.goto(f"{admin}/admin/undersign/partners/")
    tab.get_by_role("link", name="Add partner").first.click()
    tab.locator("#id_name").fill(PARTNER["name"])
    tab.locator("#id_slug").fill(PARTNER["slug"])
    tab.locator("#id_allowed_origins").fill(origin)
    tab.get_by_role("button", name="Create").click()
    expect(tab.get_by_role("link", name=PARTNER["name"])).to_be_visible()


def write_and_publish_campaign(tab: Page, admin: str, home_id: int) -> None:
    """Write `CAMPAIGN` under the home page, with `PARTNER`, and publish it.

    The form's fields stay as they come: email, first and last name.
    """
    tab.goto(f"{admin}/admin/pages/{home_id}/")
    tab.get_by_role("link", name="Add child page").first.click()
    # A campaign is the only page type allowed here, so Wagtail goes straight to it.
    expect(tab).to_have_url(re.compile(r"/pages/add/undersign_campaigns/campaignpage/"))

    tab.get_by_role("tab", name="Content").click()
    for field in ("title", "call_to_action", "target", "organizer_name"):
        tab.locator(f"#id_{field}").fill(CAMPAIGN[field])
    # Typed into the editable area once Draftail has made it, and seen there: a
    # click that lands before Draftail starts leaves the letter empty.
    letter = tab.locator("[data-contentpath='letter'] [contenteditable='true']")
    letter.press_sequentially(CAMPAIGN["letter"])
    expect(letter).to_have_text(CAMPAIGN["letter"])

    tab.get_by_role("tab", name="Partners").click()
    tab.get_by_role("button", name="Add partner").click()
    tab.locator("#id_campaign_partners-0-partner").select_option(label=PARTNER["name"])
    tab.locator("#id_campaign_partners-0-consent_label").fill(CONSENT)

    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Publish").click()
    expect(
        tab.get_by_text(f"Page '{CAMPAIGN['title']}' created and published.")
    ).to_be_visible()


def copy_partner_snippet(tab: Page) -> str:
    """Open the campaign's Embed tab, press Copy on the isolated snippet, paste."""
    tab.get_by_role("link", name=CAMPAIGN["title"]).first.click()
    tab.get_by_role("tab", name="Embed").click()
    section = tab.locator(f"[data-undersign-partner='{PARTNER['slug']}']")
    section.locator("[data-undersign-copy$='-isolated']").click()
    expect(section.locator("[id$='-isolated-status']")).to_have_text("Copied")
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied == section.locator("textarea[id$='-isolated']").input_value()
    return copied


def sign_as_visitor(browser: Browser, page_url: str) -> None:
    """Sign in the embedded form on `page_url` from a fresh profile, as a stranger."""
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(page_url)
        frame = tab.frame_locator("undersign-petition iframe")
        expect(frame.locator("[data-us-count]")).to_have_text("0")
        fill_signer(
            frame,
            VISITOR["email"],
            first_name=VISITOR["first_name"],
            last_name=VISITOR["last_name"],
        )
        frame.get_by_label(CONSENT).check()
        submit(frame)
        thanks = f"Thank you, {VISITOR['first_name']}!"
        expect(frame.get_by_role("heading", name=thanks)).to_be_visible()
    finally:
        context.close()


def open_dashboard(tab: Page) -> None:
    """From the campaign's editor, follow the header's Dashboard action."""
    tab.get_by_role("button", name="Actions", exact=True).click()
    tab.locator(".w-dropdown__content").get_by_role("link", name="Dashboard").click()
    expect(tab).to_have_url(re.compile(r"/admin/undersign/campaigns/\d+/$"))


def export_signers(tab: Page) -> list[dict[str, str]]:
    """Open the signer listing from the menu, export it, return the CSV's rows."""
    tab.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Signatures"
    ).click()
    expect(tab.get_by_text(VISITOR["email"])).to_be_visible()
    with tab.expect_download() as download:
        tab.get_by_role("link", name="Export CSV").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_organizer_publishes_a_partners_snippet_and_sees_its_signature_counted(
    organizer,
    organizer_context,
    browser,
    live_server,
    site_url,
    partner_site: PartnerSite,
    settings,
):
    # Snippets name the site by its public address: here a host of its own, so
    # the partner's page embeds another *site*, as in the real world.
    settings.UNDERSIGN_SITE_URL = site_url
    # Wagtail's own autosave (every 0.5 s of editing) may create the page as a
    # draft while the organizer clicks Publish, and the two requests race: off
    # here, where the day is written and published in one go.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    admin = live_server.url
    home_id = Site.objects.get(is_default_site=True).root_page_id
    tab = organizer_context.new_page()

    log_in(tab, admin, organizer)
    add_partner(tab, admin, partner_site.origin())
    write_and_publish_campaign(tab, admin, home_id)
    snippet = copy_partner_snippet(tab)
    assert f'partner="{PARTNER["slug"]}"' in snippet
    assert f'src="{site_url}/widget/v1/undersign.js"' in snippet

    sign_as_visitor(browser, partner_site.page("riverside.html", snippet))

    open_dashboard(tab)
    expect(tab.locator("[data-total]")).to_have_text("1")
    expect(tab.locator("[data-today]")).to_have_text("1")
    chart = tab.locator("[data-undersign-chart]")
    expect(chart.locator("[data-last-count]")).to_have_text("1")
    today = dateformat.format(site_today(), "M j")
    expect(chart.locator("text").last).to_have_text(today)
    partner_row = tab.locator("[data-undersign-partners]").get_by_role(
        "row", name=PARTNER["name"]
    )
    expect(partner_row.locator("td")).to_have_text(["1", "1 (100%)"])

    rows = export_signers(tab)
    assert len(rows) == 1
    assert rows[0]["email"] == VISITOR["email"]
    assert rows[0]["first_name"] == VISITOR["first_name"]
    assert rows[0]["last_name"] == VISITOR["last_name"]
    assert rows[0]["partner"] == PARTNER["slug"]
    assert CONSENT in rows[0]["consents"]
