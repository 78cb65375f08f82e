"""Pasted twice, added late, two campaigns on one page: every widget works."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from campaigns.models import Partner, Signature
from campaigns.services import campaign_identity
from tests.e2e.conftest import fill_signer, submit
from tests.factories import campaign_page, link_partner

pytestmark = pytest.mark.e2e

DEFINED = "() => !!customElements.get('undersign-petition')"


def test_the_script_loaded_twice_mounts_one_working_widget(
    seeded_cross_site, host_pages, tab
):
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    body = host_pages.script + host_pages.element() + host_pages.script
    tab.goto(host_pages.page("twice.html", body))
    frame = tab.frame_locator("undersign-petition iframe")

    fill_signer(frame, "ana@example.org")
    submit(frame)

    expect(frame.get_by_role("heading", name="Thank you, Ana!")).to_be_visible()
    expect(tab.locator("undersign-petition iframe")).to_have_count(1)
    assert errors == []
    assert Signature.objects.get().identity.email == "ana@example.org"


def test_an_element_added_after_the_script_ran_comes_alive(
    seeded_cross_site, host_pages, tab
):
    tab.goto(host_pages.page("late.html", host_pages.script))
    tab.wait_for_function(DEFINED)

    tab.evaluate(
        """() => {
          const widget = document.createElement("undersign-petition");
          widget.setAttribute("campaign", "ice-free-nyc");
          widget.setAttribute("partner", "make-the-road");
          document.body.append(widget);
        }"""
    )
    frame = tab.frame_locator("undersign-petition iframe")
    fill_signer(frame, "ana@example.org")
    submit(frame)

    expect(frame.get_by_role("heading", name="Thank you, Ana!")).to_be_visible()
    assert Signature.objects.get().partner.slug == "make-the-road"


@pytest.fixture
def second_campaign(seeded_cross_site) -> str:
    """Another open campaign with the same partner; return its public key."""
    root = Site.objects.get(is_default_site=True).root_page
    page = campaign_page(
        parent=root, title="Fare-free buses", slug="fare-free-buses", goal=300
    )
    link_partner(page, Partner.objects.get(slug="make-the-road"))
    return campaign_identity(page).public_key


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_two_widgets_for_two_campaigns_each_sign_into_their_own(
    second_campaign, host_pages, tab, mode
):
    body = (
        host_pages.script
        + host_pages.element(mode=mode)
        + host_pages.element(campaign=second_campaign, mode=mode)
    )
    tab.goto(host_pages.page(f"two-{mode}.html", body))
    first, second = (
        tab.locator(f'undersign-petition[campaign="{key}"]')
        for key in ("ice-free-nyc", second_campaign)
    )
    if mode == "isolated":
        first, second = (widget.frame_locator("iframe") for widget in (first, second))
    expect(second.get_by_role("heading", level=2).first).to_have_text(
        "Tell the Mayor to stop all collaboration with ICE"
    )

    # One signer after the other, as one visitor signs: the test database is
    # SQLite in shared memory, where two writes at the same instant fail at once.
    fill_signer(first, "ana@example.org")
    submit(first)
    expect(first.get_by_role("heading", name="Thank you, Ana!")).to_be_visible()
    fill_signer(second, "bo@example.org", first_name="Bo")
    submit(second)
    expect(second.get_by_role("heading", name="Thank you, Bo!")).to_be_visible()
    expect(first.get_by_role("heading", name="Thank you, Ana!")).to_be_visible()
    signed = {
        signature.identity.email: signature.campaign.public_key
        for signature in Signature.objects.all()
    }
    assert signed == {
        "ana@example.org": "ice-free-nyc",
        "bo@example.org": second_campaign,
    }
