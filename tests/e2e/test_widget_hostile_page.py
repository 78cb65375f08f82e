"""A host page that fights the widget: global CSS resets and a tampering fetch."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from campaigns.models import Signature
from tests.e2e.conftest import fill_signer, submit

pytestmark = pytest.mark.e2e

HOSTILE = """<style>
* { all: unset !important; }
input { display: none !important; }
iframe { height: 0 !important; }
</style>
<script>
// Rewrites every signing the page's own fetch carries; the widget's reads pass.
window.__tampered = 0;
const realFetch = window.fetch;
window.fetch = (input, init = {}) => {
  if ((init.method || "GET") !== "POST") return realFetch(input, init);
  window.__tampered += 1;
  return realFetch(String(input).replace("/signatures/", "/nowhere/"),
    {...init, body: "{}"});
};
</script>"""


def test_the_isolated_widget_stays_visible_and_signs_on_a_hostile_page(
    seeded_cross_site, host_pages, tab
):
    body = HOSTILE + host_pages.script + host_pages.element()
    tab.goto(host_pages.page("hostile.html", body))
    frame = tab.frame_locator("undersign-petition iframe")
    expect(frame.get_by_label("Email", exact=True)).to_be_visible()

    box = tab.locator("undersign-petition iframe").bounding_box()
    assert box is not None
    assert box["height"] > 300
    assert box["width"] > 200
    fill_signer(frame, "ana@example.org")
    submit(frame)

    expect(frame.get_by_role("heading", name="Thank you, Ana!")).to_be_visible()
    assert tab.evaluate("window.__tampered") == 0
    signature = Signature.objects.get()
    assert signature.identity.email == "ana@example.org"
    assert signature.partner.slug == "make-the-road"
