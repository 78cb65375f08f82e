"""In isolated mode the host page's scripts cannot see what a signer types."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from campaigns.models import Signature
from tests.e2e.conftest import submit

pytestmark = pytest.mark.e2e

# What a tracker on the partner's page might do: listen to every key and input on
# the document, and watch every change to its DOM.
KEYLOGGER = """<script>
window.__log = [];
const note = (event) => window.__log.push(
  {type: event.type, key: event.key || "", value: String(event.target.value || "")});
document.addEventListener("keydown", note, true);
document.addEventListener("input", note, true);
new MutationObserver((records) => {
  for (const r of records) window.__log.push({
    type: r.type, attribute: r.attributeName || "",
    value: r.type === "attributes" ? String(r.target.getAttribute(r.attributeName))
      : String(r.target.textContent)});
}).observe(document, {subtree: true, childList: true, attributes: true,
  characterData: true, attributeOldValue: true, characterDataOldValue: true});
</script>"""


def test_a_host_page_keylogger_sees_nothing_typed_into_the_isolated_form(
    seeded_cross_site, host_pages, tab
):
    body = (
        KEYLOGGER
        + '<label>Search <input id="search"></label>'
        + host_pages.script
        + host_pages.element()
    )
    tab.goto(host_pages.page("keylogger.html", body))
    # The keylogger works: it records what is typed into the host page itself.
    tab.locator("#search").press_sequentially("march")
    frame = tab.frame_locator("undersign-petition iframe")

    frame.get_by_label("Email", exact=True).press_sequentially("zoe@secret.example")
    frame.get_by_label("First name", exact=True).press_sequentially("Zoelle")
    frame.get_by_label("Last name", exact=True).press_sequentially("Quintana")
    submit(frame)

    expect(frame.get_by_role("heading", name="Thank you, Zoelle!")).to_be_visible()
    log = tab.evaluate("window.__log")
    seen = json.dumps(log)
    assert '"value": "march"' in seen
    assert "zoe@secret" not in seen
    assert "Zoelle" not in seen
    assert "Quintana" not in seen
    keys = [entry for entry in log if entry["type"] in {"keydown", "input"}]
    assert all(entry["value"] in "march" for entry in keys)
    assert len([entry for entry in keys if entry["type"] == "keydown"]) == 5
    assert Signature.objects.get().identity.email == "zoe@secret.example"
