"""A submit lost on the way, or its reply lost on the way back, then a retry."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import (
    BrowserContext,
    Route,
    expect,
)

from campaigns.models import Signature
from tests.e2e.conftest import fill_signer, submit, widget_panel

pytestmark = pytest.mark.e2e

NETWORK_ERROR = (
    "We could not reach the server. Your details are still here — try again."
)


def lose_request(route: Route, server: str) -> None:
    route.abort("internetdisconnected")


def lose_reply(route: Route, server: str) -> None:
    # Playwright fetches outside the browser, where `undersign.test` does not
    # resolve: send the same request to the live server's own address.
    path = route.request.url.split("/", 3)[3]
    route.fetch(url=f"{server}/{path}")  # the server stores it and answers...
    route.abort("connectionreset")  # ...but the answer never arrives


def first_post_fails(
    context: BrowserContext,
    site_url: str,
    server: str,
    failure: Callable[[Route, str], None],
) -> list[str]:
    """Make the first sign POST fail with `failure`; return every POST's key."""
    keys: list[str] = []

    def handle(route: Route) -> None:
        if route.request.method != "POST":
            route.fallback()
            return
        # In the body: a custom header would need the host's CORS settings.
        assert "idempotency-key" not in route.request.headers
        keys.append(route.request.post_data_json.get("idempotency_key", ""))
        if len(keys) == 1:
            failure(route, server)
        else:
            route.continue_()

    context.route(f"{site_url}/api/v1/campaigns/*/signatures/", handle)
    return keys


@pytest.mark.parametrize("mode", ["isolated", "inline"])
@pytest.mark.parametrize(
    ("failure", "stored_before_retry"),
    [(lose_request, 0), (lose_reply, 1)],
    ids=["request-lost", "reply-lost"],
)
def test_a_retry_after_a_lost_submit_keeps_the_typing_and_stores_one_row(
    seeded_cross_site,
    host_pages,
    site_url,
    live_server,
    context,
    tab,
    mode,
    failure,
    stored_before_retry,
):
    keys = first_post_fails(context, site_url, live_server.url, failure)
    body = host_pages.script + host_pages.element(mode=mode)
    tab.goto(host_pages.page(f"retry-{mode}.html", body))
    scope = widget_panel(tab, mode)
    fill_signer(scope, "ana@example.org")
    scope.get_by_label("Keep me updated about the ICE-Free NYC campaign").check()

    submit(scope)

    expect(scope.get_by_role("status")).to_have_text(NETWORK_ERROR)
    expect(scope.get_by_label("Email", exact=True)).to_have_value("ana@example.org")
    expect(scope.get_by_label("First name", exact=True)).to_have_value("Ana")
    expect(scope.get_by_label("Last name", exact=True)).to_have_value("Ruiz")
    expect(
        scope.get_by_label("Keep me updated about the ICE-Free NYC campaign")
    ).to_be_checked()
    assert Signature.objects.count() == stored_before_retry

    submit(scope)

    expect(scope.get_by_role("heading", name="Thank you, Ana!")).to_be_visible()
    expect(scope.locator("[data-us-count]")).to_have_text("1")
    assert len(keys) == 2
    assert keys[0]
    assert keys[0] == keys[1]
    signature = Signature.objects.get()
    assert signature.identity.email == "ana@example.org"
    # The box the signer ticked, beside the privacy statement every signing records.
    assert signature.consents.exclude(version__kind="privacy").count() == 1
