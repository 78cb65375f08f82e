"""axe-core finds no WCAG 2.2 A/AA violation in any state of the embed, in any language.

The states a signer can reach in the frame: the form with the script's errors,
the thank-you after signing, the same without JavaScript (the server's errors,
the thank-you page, the expired-form page), and on a site not on the list the
widget's note with its link.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import BrowserContext, Page

from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def embed_url(site_url: str, language: str, path: str = "") -> str:
    return f"{site_url}/embed/ice-free-nyc/{path}?partner=make-the-road&lang={language}"


def sign_in(tab: Page) -> None:
    tab.locator("input[name=email]").fill("ana@example.org")
    tab.locator("input[name=first_name]").fill("Ana")
    tab.locator("input[name=last_name]").fill("Ruiz")
    tab.locator("form.us-form [type=submit]").click()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_embed_with_the_script_is_axe_clean_in_every_state(
    tab, site_url, seeded_cross_site, language
):
    found = {}
    tab.goto(embed_url(site_url, language))
    tab.locator("form.us-form [type=submit]").click()
    tab.locator(".us-error-summary").wait_for()
    found["errors"] = axe_violations(tab)

    sign_in(tab)
    tab.locator("[data-us-thanks]").wait_for()
    found["thanks"] = axe_violations(tab)

    assert found == {"errors": [], "thanks": []}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_embed_without_its_script_is_axe_clean_in_every_state(
    context: BrowserContext, tab, site_url, seeded_cross_site, language
):
    # As without JavaScript: the form script never arrives, the form posts
    # itself. (axe itself needs JavaScript, so the page keeps it.)
    context.route("**/undersign_widget/form*.js", lambda route: route.abort())
    found = {}
    tab.goto(embed_url(site_url, language))
    tab.locator("input[name=email]").fill("not-an-email")
    tab.locator("form.us-form [type=submit]").click()
    tab.locator(".us-error").first.wait_for()
    found["errors"] = axe_violations(tab)

    tab.goto(embed_url(site_url, language, "thanks/"))
    found["thanks"] = axe_violations(tab)

    # A form whose token was lost (e.g. a copy saved to disk) is refused openly.
    tab.goto(embed_url(site_url, language))
    tab.locator("input[name=form_token]").evaluate("(input) => input.remove()")
    sign_in(tab)
    assert tab.locator("html").get_attribute("lang") == language
    found["expired"] = axe_violations(tab)

    assert found == {"errors": [], "thanks": [], "expired": []}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_note_on_an_unlisted_site_is_axe_clean(
    tab, host_pages, seeded_cross_site, language
):
    body = host_pages.script + host_pages.element(lang=language)
    tab.goto(host_pages.page(f"unlisted-{language}.html", body, host="evil.test"))
    tab.locator("undersign-petition").get_by_role("note").wait_for()

    assert axe_violations(tab, include="undersign-petition") == []
