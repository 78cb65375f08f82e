"""An organizer translates the campaign in the admin; signers see it; one count."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from campaigns.models import CampaignPage, Signature
from tests.e2e.conftest import SEED_PATH, widget_panel

pytestmark = pytest.mark.e2e

SPANISH_CTA = "Díganle al alcalde que rompa toda colaboración con ICE"
PASSWORD = "a-long-test-password"  # noqa: S105 - a throwaway test account


def _log_in(tab, site_url: str) -> None:
    get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
    tab.goto(f"{site_url}/admin/login/")
    tab.get_by_label("Username").fill("editor")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"{site_url}/admin/")


def _translate_into_spanish(tab, site_url: str, page: CampaignPage) -> None:
    tab.goto(f"{site_url}/admin/pages/{page.pk}/edit/")
    tab.get_by_role("button", name="Actions", exact=True).click()
    tab.get_by_role("link", name="Translate").click()
    tab.get_by_label("Español").check()
    tab.get_by_role("button", name="Submit").click()
    tab.wait_for_url("**/edit/")
    cta = tab.get_by_role("textbox", name="Call to action")
    cta.fill(SPANISH_CTA)
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Publish").click()
    tab.wait_for_url("**/admin/pages/**")


def test_spanish_translation_made_in_the_admin_is_served_and_counted_once(
    context, site_url, host_pages, seeded_cross_site
):
    admin = context.new_page()
    _log_in(admin, site_url)
    _translate_into_spanish(admin, site_url, seeded_cross_site)
    spanish = CampaignPage.objects.live().get(locale__language_code="es")
    assert spanish.call_to_action == SPANISH_CTA

    signer = context.new_page()
    signer.goto(f"{site_url}/es/campaigns/ice-free-nyc/")
    assert signer.locator("h1").inner_text() == SPANISH_CTA
    url = host_pages.page(
        "spanish.html", host_pages.script + host_pages.element(lang="es")
    )
    signer.goto(url)
    panel = widget_panel(signer, "isolated")
    assert panel.locator("h2.us-cta").inner_text() == SPANISH_CTA
    panel.locator("#sign-email").fill("rosa@example.org")
    panel.locator("#sign-first_name").fill("Rosa")
    panel.locator("#sign-last_name").fill("Díaz")
    panel.locator("form.us-form button[type=submit]").click()
    panel.locator("[data-us-thanks]").wait_for()

    signature = Signature.objects.get()
    assert signature.language == "es"
    signer.goto(f"{site_url}{SEED_PATH}")
    assert signer.locator("#us-count strong").inner_text() == "1"
