"""Our pages work under their Content Security Policy: no violation, signing works."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import BrowserContext, Page, expect

from campaigns.models import Signature
from tests.e2e.conftest import SEED_PATH, fill_signer, submit, widget_panel
from tests.security.conftest import code_for

pytestmark = pytest.mark.e2e

# Runs in every document and frame: each violation is reported to the console,
# where the test collects it with the frame's URL.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const blocked = event.blockedURI || "inline";
  console.error(`[csp] ${event.effectiveDirective} blocked ${blocked}`
    + ` on ${document.location.href}`);
});
"""


@pytest.fixture
def violations(context: BrowserContext) -> list[str]:
    """Every CSP violation, and every console line the browser wrote about one."""
    context.add_init_script(REPORT_VIOLATIONS)
    return []


@pytest.fixture
def tab(context: BrowserContext, violations: list[str]) -> Iterator[Page]:
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "[csp]" in message.text or "Content Security Policy" in message.text
            else None
        ),
    )
    yield page


def test_the_hosted_page_signs_without_a_csp_violation(
    live_server, seeded_live, tab, violations
):
    response = tab.goto(f"{live_server.url}{SEED_PATH}")
    assert "script-src 'self';" in response.headers["content-security-policy"] + ";"

    fill_signer(tab, "ana@example.org")
    submit(tab)

    expect(tab.get_by_role("heading", name="Thank you, Ana!")).to_be_visible()
    assert Signature.objects.count() == 1
    assert violations == []


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_the_widget_signs_on_a_partner_page_without_a_csp_violation(
    seeded_cross_site, host_pages, tab, violations, mode
):
    themed = {"color": "#0a7f5a", "radius": "12"}
    tab.goto(
        host_pages.page(
            f"{mode}.html",
            host_pages.script
            + host_pages.element(mode="" if mode == "isolated" else mode, **themed),
        )
    )
    panel = widget_panel(tab, mode)
    expect(panel.locator("[data-us-count]")).to_have_text("0")

    fill_signer(panel, "bo@example.org", first_name="Bo")
    submit(panel)

    expect(panel.get_by_role("heading", name="Thank you, Bo!")).to_be_visible()
    assert Signature.objects.count() == 1
    assert violations == []


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_the_widget_works_on_a_partner_page_with_a_strict_policy(
    seeded_cross_site, host_pages, site_url, tab, violations, mode
):
    # What docs/embedding.md tells a partner with a CSP to allow: our origin for
    # the script, the frame, and (inline) the API and the stylesheet. No
    # 'unsafe-inline': the widget adds no inline style to the host page.
    policy = (
        f"default-src 'self'; script-src {site_url}; frame-src {site_url}; "
        f"connect-src {site_url}; style-src 'self' {site_url}; img-src 'self'"
    )
    tab.goto(
        host_pages.page(
            f"strict-{mode}.html",
            host_pages.script
            + host_pages.element(mode="" if mode == "isolated" else mode),
            head=f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        )
    )
    panel = widget_panel(tab, mode)

    fill_signer(panel, "cy@example.org", first_name="Cy")
    submit(panel)

    expect(panel.get_by_role("heading", name="Thank you, Cy!")).to_be_visible()
    if mode == "isolated":
        frame = tab.locator("undersign-petition iframe")
        expect(frame).to_have_css("border-top-width", "0px")
    assert violations == []


def test_the_theme_reaches_the_framed_panel_under_the_policy(
    seeded_cross_site, host_pages, tab, violations
):
    tab.goto(
        host_pages.page(
            "themed.html",
            host_pages.script + host_pages.element(color="#0a7f5a"),
        )
    )
    button = widget_panel(tab, "isolated").get_by_role(
        "button", name="Sign the petition"
    )

    expect(button).to_have_css("background-color", "rgb(10, 127, 90)")
    assert violations == []


def test_two_factor_setup_and_the_editor_run_under_the_admin_policy(
    live_server, seeded_live, tab, violations, settings, django_user_model
):
    settings.UNDERSIGN_ADMIN_REQUIRE_2FA = True
    django_user_model.objects.create_superuser(
        "organizer", "organizer@example.org", "a long test password"
    )
    tab.goto(f"{live_server.url}/admin/login/")
    tab.get_by_label("Username").fill("organizer")
    tab.get_by_label("Password").fill("a long test password")
    tab.get_by_role("button", name="Sign in").click()

    expect(tab.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    expect(tab.locator(".undersign-2fa-qr svg")).to_be_visible()
    device = TOTPDevice.objects.get(user__username="organizer")
    tab.get_by_role("textbox", name="Code").fill(code_for(device))
    tab.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(tab.locator("[data-2fa-backup-codes] li")).to_have_count(10)
    tab.get_by_role("link", name="I have saved them, continue").click()

    tab.goto(f"{live_server.url}/admin/pages/{seeded_live.pk}/edit/")
    expect(tab.get_by_role("button", name="Save draft")).to_be_visible()
    assert violations == []
