"""axe-core finds no WCAG 2.2 A/AA violation on any surface, in any language."""

from __future__ import annotations

import pytest
from django.conf import settings

from tests.e2e.conftest import SEED_PATH, axe_violations, fill_signer, widget_panel

pytestmark = pytest.mark.e2e

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_surface_is_axe_clean_in_each_language(
    tab, site_url, host_pages, seeded_cross_site, language
):
    found = {}
    tab.goto(f"{site_url}/{language}/")
    found["hosted"] = axe_violations(tab)

    tab.goto(f"{site_url}/embed/ice-free-nyc/?partner=make-the-road&lang={language}")
    found["embed"] = axe_violations(tab)

    url = host_pages.page(
        f"inline-{language}.html",
        host_pages.script + host_pages.element(mode="inline", lang=language),
    )
    tab.goto(url)
    widget_panel(tab, "inline").locator("form.us-form").wait_for()
    found["inline"] = axe_violations(tab, include="undersign-petition")

    assert found == {"hosted": [], "embed": [], "inline": []}


def test_hosted_form_with_errors_is_axe_clean(tab, site_url, seeded_live):
    tab.goto(f"{site_url}{SEED_PATH}")
    fill_signer(tab, "not-an-email", first_name="")
    tab.get_by_role("button", name="Sign the petition").last.click()
    tab.locator("#us-error-summary").wait_for()

    assert axe_violations(tab) == []


def test_embed_form_with_errors_is_axe_clean(tab, site_url, seeded_live):
    tab.goto(f"{site_url}/embed/ice-free-nyc/?lang=ar")
    tab.locator("form.us-form button[type=submit]").click()
    tab.locator(".us-error-summary").wait_for()

    assert axe_violations(tab) == []
