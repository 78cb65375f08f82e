"""Arabic and Urdu mirror the layout in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.conftest import SEED_PATH

pytestmark = pytest.mark.e2e

WIDE = {"width": 1280, "height": 900}
# Where a label's text begins and where its field's box is, in CSS pixels.
TEXT_AND_FIELD = """(id) => {
  const label = document.querySelector(`label[for="${id}"]`);
  const range = document.createRange();
  range.selectNodeContents(label);
  const text = range.getBoundingClientRect();
  const field = document.getElementById(id).getBoundingClientRect();
  return {textLeft: text.left, textRight: text.right,
          fieldLeft: field.left, fieldRight: field.right};
}"""


def _x(tab: Page, selector: str) -> float:
    return tab.locator(selector).first.bounding_box()["x"]


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_hosted_page_mirrors_right_to_left(tab, site_url, seeded_live, language):
    tab.set_viewport_size(WIDE)
    tab.goto(f"{site_url}/{language}/campaigns/ice-free-nyc/")

    assert tab.locator("html").get_attribute("dir") == "rtl"
    assert _x(tab, ".us-card") < _x(tab, ".us-paper")
    box = tab.evaluate(TEXT_AND_FIELD, "sign-email")
    assert abs(box["textRight"] - box["fieldRight"]) <= 1
    assert box["textLeft"] > box["fieldLeft"] + 1


def test_hosted_page_reads_left_to_right_in_english(tab, site_url, seeded_live):
    tab.set_viewport_size(WIDE)
    tab.goto(f"{site_url}{SEED_PATH}")

    assert tab.locator("html").get_attribute("dir") == "ltr"
    assert _x(tab, ".us-card") > _x(tab, ".us-paper")
    box = tab.evaluate(TEXT_AND_FIELD, "sign-email")
    assert abs(box["textLeft"] - box["fieldLeft"]) <= 1


@pytest.mark.parametrize(
    ("language", "rtl"), [("ar", True), ("ur", True), ("en", False)]
)
def test_embed_page_mirrors_right_to_left(tab, site_url, seeded_live, language, rtl):
    tab.set_viewport_size(WIDE)
    tab.goto(f"{site_url}/embed/ice-free-nyc/?lang={language}")

    assert tab.locator("html").get_attribute("dir") == ("rtl" if rtl else "ltr")
    first, last = _x(tab, "#sign-first_name"), _x(tab, "#sign-last_name")
    assert (first > last) is rtl
    box = tab.evaluate(TEXT_AND_FIELD, "sign-email")
    edge = ("textRight", "fieldRight") if rtl else ("textLeft", "fieldLeft")
    assert abs(box[edge[0]] - box[edge[1]]) <= 1
