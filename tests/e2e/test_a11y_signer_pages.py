"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on the pages a signer
reaches from the hosted page and from emails, in every state and language.

(The widget and embed states are checked in test_a11y_languages.py.)
"""

from __future__ import annotations

import pytest
from django.conf import settings

from campaigns import links, yourdata
from campaigns.models import CampaignPage, Signature
from campaigns.signing import SignatureInput, signature_create
from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _signature(page: CampaignPage, language: str) -> Signature:
    signature_create(
        page=page,
        data=SignatureInput(
            email=f"ana.{language}@example.org",
            first_name="Ana",
            last_name="Ruiz",
            language=language,
        ),
    )
    return Signature.objects.get(email_index__isnull=False, language=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hosted_page_states_are_axe_clean(tab, site_url, seeded_live, language):
    found = {}
    tab.goto(f"{site_url}/{language}/campaigns/ice-free-nyc/")
    tab.locator("form.us-form button[type=submit]").click()
    tab.locator("#us-error-summary").wait_for()
    found["errors"] = axe_violations(tab)

    tab.locator("input[name=email]").fill("ana@example.org")
    tab.locator("input[name=first_name]").fill("Ana")
    tab.locator("input[name=last_name]").fill("Ruiz")
    tab.locator("form.us-form button[type=submit]").click()
    tab.locator(".us-thanks").wait_for()
    found["thanks"] = axe_violations(tab)

    seeded_live.state = CampaignPage.State.WON
    seeded_live.outcome_note = "The Mayor signed the order."
    seeded_live.save()
    tab.goto(f"{site_url}/{language}/campaigns/ice-free-nyc/")
    found["closed"] = axe_violations(tab)

    assert found == {"errors": [], "thanks": [], "closed": []}


@pytest.mark.parametrize("language", LANGUAGES)
def test_email_link_pages_are_axe_clean(tab, site_url, seeded_live, language):
    seeded_live.double_opt_in = True
    seeded_live.save()
    signature = _signature(seeded_live, language)
    found = {}

    tab.goto(f"{site_url}/sign/confirm/{links.make_token(signature, links.CONFIRM)}/")
    found["confirm"] = axe_violations(tab)
    tab.locator("form button").click()
    tab.get_by_role("status").wait_for()
    found["confirmed"] = axe_violations(tab)

    tab.goto(f"{site_url}/sign/withdraw/{links.make_token(signature, links.WITHDRAW)}/")
    found["withdraw"] = axe_violations(tab)
    tab.locator("form button").click()
    tab.get_by_role("status").wait_for()
    found["withdrawn"] = axe_violations(tab)

    tab.goto(f"{site_url}/sign/confirm/not-a-token/")
    found["invalid"] = axe_violations(tab)

    assert found == dict.fromkeys(found, [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_your_data_states_are_axe_clean(tab, site_url, seeded_live, language):
    signature = _signature(seeded_live, language)
    found = {}

    tab.goto(f"{site_url}/your-data/?lang={language}")
    found["request"] = axe_violations(tab)
    tab.locator("input[type=email]").fill("not-an-email")
    tab.locator("form button[type=submit]").click()
    tab.locator("#us-error-summary").wait_for()
    found["error"] = axe_violations(tab)
    tab.locator("input[type=email]").fill("someone@example.org")
    tab.locator("form button[type=submit]").click()
    tab.get_by_role("status").wait_for()
    found["sent"] = axe_violations(tab)

    token = yourdata.make_token(signature.email_index)
    tab.goto(f"{site_url}/your-data/{token}/?lang={language}")
    found["link"] = axe_violations(tab)
    tab.locator("form button").last.click()  # erase
    tab.get_by_role("status").wait_for()
    found["erased"] = axe_violations(tab)

    tab.goto(f"{site_url}/privacy/?lang={language}")
    found["privacy"] = axe_violations(tab)

    assert found == dict.fromkeys(found, [])
