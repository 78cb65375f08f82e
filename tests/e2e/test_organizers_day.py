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
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.utils import dateformat
from playwright.sync_api import Browser, BrowserContext, Page, expect

from campaigns.dashboard.selectors import site_today
from campaigns.models import CampaignPage
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from tests.e2e.conftest import PartnerSite, fill_signer, submit
from tests.factories import restore_wagtail_tree

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


def press_new_campaign(tab: Page, admin: str) -> None:
    """From the admin home, press "New campaign"; on a site without a campaigns
    section, confirm its creation. Lands in the campaign editor."""
    tab.goto(f"{admin}/admin/")
    with tab.expect_navigation():
        tab.locator("#undersign-campaigns-content").get_by_role(
            "link", name="New campaign"
        ).click()
    confirm = tab.get_by_role("button", name="Create the campaigns section")
    if confirm.count():
        confirm.click()
    expect(tab).to_have_url(re.compile(r"/pages/add/undersign_campaigns/campaignpage/"))


def write_campaign(tab: Page, campaign: dict[str, str]) -> None:
    """Fill the editor's Content tab with `campaign`."""
    tab.get_by_role("tab", name="Content").click()
    for field in ("title", "call_to_action", "target", "organizer_name"):
        tab.locator(f"#id_{field}").fill(campaign[field])
    # Typed into the editable area once Draftail has made it, and seen there: a
    # click that lands before Draftail starts leaves the letter empty.
    letter = tab.locator("[data-contentpath='letter'] [contenteditable='true']")
    letter.press_sequentially(campaign["letter"])
    expect(letter).to_have_text(campaign["letter"])
    # ... and in the hidden field Draftail writes for the form, or a quick
    # Publish posts an empty letter.
    expect(tab.locator("input[name='letter']")).to_have_value(
        re.compile(re.escape(campaign["letter"][:20]))
    )


def publish(tab: Page) -> None:
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Publish").click()


def write_and_publish_campaign(tab: Page, admin: str) -> None:
    """Press "New campaign", write `CAMPAIGN` with `PARTNER`, and publish it.

    The form's fields stay as they come: email, first and last name. The
    partner's consent label is left as choosing the partner filled it.
    """
    press_new_campaign(tab, admin)
    write_campaign(tab, CAMPAIGN)
    tab.get_by_role("tab", name="Partners").click()
    tab.get_by_role("button", name="Add partner").click()
    tab.locator("#id_campaign_partners-0-partner").select_option(label=PARTNER["name"])
    # The label fills itself with the default, which the organizer may change.
    expect(tab.locator("#id_campaign_partners-0-consent_label")).to_have_value(CONSENT)
    publish(tab)
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
    tab = organizer_context.new_page()

    log_in(tab, admin, organizer)
    add_partner(tab, admin, partner_site.origin())
    write_and_publish_campaign(tab, admin)
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


SECOND = {
    "title": "Lights on Fulton Street",
    "call_to_action": "Fix the street lights on Fulton Street",
    "target": "Department of Transportation",
    "organizer_name": "Fulton Neighbours",
    "letter": "Dear Commissioner, half the lights have been out since May.",
}
SPANISH_CTA = "Arreglen las luces de la calle Fulton"


def view_live(tab: Page, context: BrowserContext) -> str:
    """Follow the "View live" link the admin shows after publishing; return the
    hosted page's URL as the organizer's browser reached it."""
    link = tab.get_by_role("link", name="View live").first
    with context.expect_page() as opened:
        link.click(modifiers=["Control"])
    hosted = opened.value
    hosted.wait_for_load_state()
    url = hosted.url
    hosted.close()
    return url


def sign_on_hosted_page(
    browser: Browser, url: str, email: str, *, javascript: bool
) -> str:
    """Sign on the hosted page at `url` from a fresh profile; return the share
    link the thank-you offers, checked non-empty in the box and the buttons."""
    context = browser.new_context(java_script_enabled=javascript)
    try:
        tab = context.new_page()
        tab.goto(url)
        # By field id: the page speaks the URL's language.
        tab.locator("#sign-email").fill(email)
        tab.locator("#sign-first_name").fill("Noor")
        tab.locator("#sign-last_name").fill("Haddad")
        tab.locator("#sign button[type=submit]").click()
        expect(tab.locator("#us-thanks-title")).to_be_visible()
        shared = tab.locator("#us-share-url").input_value()
        assert shared.startswith("http")
        for href in tab.locator("a.us-share-link").evaluate_all(
            "links => links.map(link => link.href)"
        ):
            assert quote(shared, safe="") in href
        return shared
    finally:
        context.close()


def translate_into_spanish(tab: Page) -> None:
    """From the campaign's editor: Actions, Translate, Español; publish it with
    its call to action in Spanish."""
    tab.get_by_role("button", name="Actions", exact=True).click()
    tab.get_by_role("link", name="Translate").click()
    tab.get_by_label("Español").check()
    tab.get_by_role("button", name="Submit").click()
    tab.wait_for_url("**/edit/")
    tab.locator("#id_call_to_action").fill(SPANISH_CTA)
    publish(tab)
    expect(tab.get_by_text("has been published")).to_be_visible()


def test_organizer_starts_a_second_campaign_whose_hosted_page_signers_share(
    organizer_context, browser, live_server, seeded_live, settings
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    admin = live_server.url
    password = secrets.token_urlsafe()
    get_user_model().objects.create_superuser("organizer", password=password)
    tab = organizer_context.new_page()
    log_in(tab, admin, ("organizer", password))

    press_new_campaign(tab, admin)
    write_campaign(tab, SECOND)
    publish(tab)
    expect(
        tab.get_by_text(f"Page '{SECOND['title']}' created and published.")
    ).to_be_visible()
    hosted = view_live(tab, organizer_context)
    assert hosted == f"{admin}/en/campaigns/lights-on-fulton-street/"
    second = CampaignPage.objects.get(slug="lights-on-fulton-street")
    assert second.get_parent().pk == seeded_live.get_parent().pk

    for javascript, email in ((False, "noor@example.org"), (True, "noor2@example.org")):
        shared = sign_on_hosted_page(browser, hosted, email, javascript=javascript)
        assert shared == hosted

    tab.goto(f"{admin}/admin/pages/{second.pk}/edit/")
    translate_into_spanish(tab)
    spanish_url = view_live(tab, organizer_context)
    assert spanish_url == f"{admin}/es/campaigns/lights-on-fulton-street/"
    for javascript, email in ((False, "rosa@example.org"), (True, "rosa2@example.org")):
        assert (
            sign_on_hosted_page(browser, spanish_url, email, javascript=javascript)
            == spanish_url
        )
    assert signature_count(campaign_identity(second)) == 4
