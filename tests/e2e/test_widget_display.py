"""The widget reads right where browsers and host pages change colours and fonts."""

from __future__ import annotations

import base64
import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import widget_panel

pytestmark = pytest.mark.e2e

DARK_HOST = "<style>:root{color-scheme:dark;background:#111;color:#eee}</style>"

# Decoded by the browser itself: the mean lightness (0-255) of a PNG's pixels.
LIGHTNESS = """async (png) => {
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
  }
  return sum / (data.length / 4);
}"""


def lightness(tab: Page, png: bytes) -> float:
    return tab.evaluate(LIGHTNESS, base64.b64encode(png).decode())


def test_unchecked_boxes_look_empty_on_a_dark_host_page(
    seeded_cross_site, host_pages, tab
):
    body = host_pages.script + host_pages.element(mode="inline")
    tab.goto(host_pages.page("dark.html", body, head=DARK_HOST))
    box = widget_panel(tab, "inline").get_by_label(
        "Keep me updated about the ICE-Free NYC campaign"
    )

    unchecked = lightness(tab, box.screenshot())
    box.check()
    checked = lightness(tab, box.screenshot())

    # An empty box is mostly white on the panel's white; a ticked one is filled.
    assert unchecked > 180
    assert unchecked - checked > 60


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_in_forced_colours_the_button_and_the_badge_keep_their_edges(
    seeded_cross_site, host_pages, tab, mode
):
    tab.emulate_media(forced_colors="active")
    element = host_pages.element(mode="" if mode == "isolated" else mode)
    tab.goto(host_pages.page(f"forced-{mode}.html", host_pages.script + element))
    panel = widget_panel(tab, mode)
    edges = """(node) => {
      const style = getComputedStyle(node);
      return [style.borderTopWidth, style.borderTopStyle,
              style.borderTopColor !== style.backgroundColor];
    }"""

    button = panel.get_by_role("button", name="Sign the petition")
    badge = panel.get_by_text("Take Action", exact=True)

    expect(badge).to_be_visible()
    # Waits for the stylesheet (until then a button has the browser's own border).
    expect(button).to_have_css("border-top-style", "solid")
    assert button.evaluate(edges) == ["2px", "solid", True]
    assert badge.evaluate(edges) == ["1px", "solid", True]


@pytest.mark.parametrize("mode", ["isolated", "inline"])
def test_urdu_is_set_in_a_nastaliq_face(seeded_cross_site, host_pages, tab, mode):
    element = host_pages.element(mode="" if mode == "isolated" else mode, lang="ur")
    tab.goto(host_pages.page(f"urdu-{mode}.html", host_pages.script + element))
    panel = widget_panel(tab, mode).locator("[data-undersign-panel]")

    # Retried: the stylesheet may still be on its way when the panel appears.
    expect(panel).to_have_css("font-family", re.compile(r'^"Noto Nastaliq Urdu",'))
