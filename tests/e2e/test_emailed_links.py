"""Every emailed link works in Chromium, taken from the message actually sent.

The pages behind these links send no Referer (their URL carries a token), so
Chromium posts their buttons with `Origin: null`: each button is pressed here
the way a signer presses it, and its effect checked where a person would see it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.models import CampaignPage, Partner, Signature
from campaigns.webhooks.signing import webhook_secret_rotate
from tests.e2e.conftest import SEED_PATH, fill_signer, submit
from tests.webhooks import conftest as webhooks

pytestmark = pytest.mark.e2e

receiver = webhooks.receiver
EMAIL = "ana.ruiz@example.org"


@pytest.fixture
def campaign(seeded_live, site_url, settings, receiver) -> Iterator[CampaignPage]:
    """The seed campaign; emails link to the live server; the partner hooks in."""
    settings.UNDERSIGN_SITE_URL = site_url
    partner = Partner.objects.get(slug="make-the-road")
    partner.webhook_url = receiver.url
    partner.save(update_fields=["webhook_url"])
    webhook_secret_rotate(partner)
    mail.outbox.clear()
    return seeded_live


def dispatch() -> None:
    """Run the outbox until nothing is due, as the dispatcher process does."""
    while dispatch_once():
        pass


def link_in_last_email(pattern: str) -> str:
    """Return the first link matching `pattern` in the last message sent."""
    body = str(mail.outbox[-1].body)
    match = re.search(rf"https?://\S+{pattern}\S*/", body)
    assert match is not None, f"no {pattern} link in {body!r}"
    return match.group(0)


def count(tab: Page, site_url: str) -> int:
    """Return the count the public API gives now, read in another tab."""
    reader = tab.context.new_page()
    reader.goto(f"{site_url}/api/v1/campaigns/ice-free-nyc/stats/")
    stats = json.loads(reader.locator("body").inner_text())
    reader.close()
    return int(stats["count"])


def sign_on_the_hosted_page(tab: Page, site_url: str, *, share: bool) -> None:
    tab.goto(f"{site_url}{SEED_PATH}p/make-the-road/")
    fill_signer(tab, EMAIL)
    if share:
        tab.get_by_label("Allow Make the Road New York to contact me").check()
    submit(tab)
    tab.locator(".us-thanks").wait_for()
    dispatch()


def deletions(receiver: webhooks.Receiver) -> list[str]:
    """Return the bodies the partner received that tell it to delete a signer."""
    bodies = [message.body.decode() for message in receiver.received]
    return [body for body in bodies if re.search("withdraw|delet", body)]


def test_confirming_from_the_email_makes_the_signature_count(tab, site_url, campaign):
    campaign.double_opt_in = True
    campaign.save()
    sign_on_the_hosted_page(tab, site_url, share=False)
    assert count(tab, site_url) == 0

    tab.goto(link_in_last_email("/sign/confirm/"))
    tab.get_by_role("button", name="Confirm my signature").click()

    expect(tab.get_by_role("heading", name="Signature confirmed")).to_be_visible()
    assert count(tab, site_url) == 1
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


def test_confirming_twice_says_it_is_confirmed_and_counts_once(tab, site_url, campaign):
    campaign.double_opt_in = True
    campaign.save()
    sign_on_the_hosted_page(tab, site_url, share=False)
    link = link_in_last_email("/sign/confirm/")
    for _press in range(2):
        tab.goto(link)
        tab.get_by_role("button", name="Confirm my signature").click()
        expect(tab.get_by_role("status")).to_contain_text("confirmed")

    assert count(tab, site_url) == 1


def test_it_was_not_me_withdraws_and_tells_the_partner(
    tab, site_url, campaign, receiver
):
    sign_on_the_hosted_page(tab, site_url, share=True)
    assert count(tab, site_url) == 1
    assert len(receiver.received) == 1  # the partner got the signature

    tab.goto(link_in_last_email("/sign/withdraw/"))
    tab.get_by_role("button", name="Withdraw my signature").click()

    expect(tab.get_by_role("heading", name="Signature withdrawn")).to_be_visible()
    assert count(tab, site_url) == 0
    dispatch()
    assert len(deletions(receiver)) == 1
    assert Signature.objects.get().identity is None


def test_withdrawing_twice_changes_nothing_more(tab, site_url, campaign, receiver):
    sign_on_the_hosted_page(tab, site_url, share=True)
    link = link_in_last_email("/sign/withdraw/")
    for _press in range(2):
        tab.goto(link)
        tab.get_by_role("button", name="Withdraw my signature").click()
        expect(tab.get_by_role("status")).to_contain_text("withdrawn")
        dispatch()

    assert count(tab, site_url) == 0
    assert len(deletions(receiver)) == 1


@pytest.mark.parametrize("path", ["/sign/confirm/", "/sign/withdraw/"])
def test_a_tampered_link_says_so_and_changes_nothing(tab, site_url, campaign, path):
    campaign.double_opt_in = path == "/sign/confirm/"
    campaign.save()
    sign_on_the_hosted_page(tab, site_url, share=False)
    before = Signature.objects.values_list("status", "identifiers").get()
    link = link_in_last_email(path)

    tab.goto(link[:-6] + ("A" if link[-6] != "A" else "B") + link[-5:])

    expect(tab.get_by_role("heading", name="This link does not work")).to_be_visible()
    expect(tab.get_by_role("button")).to_have_count(0)
    assert Signature.objects.values_list("status", "identifiers").get() == before


def ask_for_your_data_link(tab: Page, site_url: str) -> str:
    tab.goto(f"{site_url}/your-data/")
    tab.get_by_label("Email address").fill(EMAIL)
    tab.get_by_role("button", name="Send me a link").click()
    expect(tab.get_by_role("status")).to_be_visible()
    dispatch()
    return link_in_last_email("/your-data/")


def test_your_data_download_holds_the_signers_data(tab, site_url, campaign):
    sign_on_the_hosted_page(tab, site_url, share=False)
    tab.goto(ask_for_your_data_link(tab, site_url))

    with tab.expect_download() as download:
        tab.get_by_role("button", name="Download my data").click()

    data = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
    [record] = data["signatures"]
    assert record["identity"]["email"] == EMAIL
    assert record["identity"]["first_name"] == "Ana"
    assert record["campaign"]["key"] == "ice-free-nyc"


def test_your_data_erase_removes_it_and_tells_the_partner(
    tab, site_url, campaign, receiver
):
    sign_on_the_hosted_page(tab, site_url, share=True)
    link = ask_for_your_data_link(tab, site_url)
    tab.goto(link)

    tab.get_by_role("button", name="Erase me from every campaign").click()

    expect(tab.get_by_role("heading", name="Your data was erased")).to_be_visible()
    signature = Signature.objects.get()
    assert signature.identity is None
    assert signature.status == Signature.Status.WITHDRAWN
    assert count(tab, site_url) == 0
    dispatch()
    assert len(deletions(receiver)) == 1

    tab.goto(link)  # the same link again: nothing is left to download
    with tab.expect_download() as download:
        tab.get_by_role("button", name="Download my data").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())  # noqa: SIM115
    assert data["signatures"] == []


def test_a_tampered_your_data_link_says_so(tab, site_url, campaign):
    sign_on_the_hosted_page(tab, site_url, share=False)
    link = ask_for_your_data_link(tab, site_url)

    tab.goto(link.replace("/your-data/", "/your-data/x"))

    expect(tab.get_by_role("heading", name="This link does not work")).to_be_visible()
    expect(tab.get_by_role("button")).to_have_count(0)


def test_a_button_pressed_from_another_site_is_refused(
    tab, site_url, campaign, partner_site
):
    sign_on_the_hosted_page(tab, site_url, share=False)
    link = link_in_last_email("/sign/withdraw/")
    forged = partner_site.page(
        "forged.html",
        f'<form method="post" action="{link}"><button>Win a prize</button></form>',
        host="evil.test",
    )
    tab.goto(forged)

    tab.get_by_role("button", name="Win a prize").click()

    expect(tab.get_by_role("heading", name="This link does not work")).to_be_visible()
    assert count(tab, site_url) == 1
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
