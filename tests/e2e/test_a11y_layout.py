"""The pages at 320 px (and so at 400 % zoom of 1280), and with reduced motion."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SEED_PATH, axe_violations

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", ["en", "ar", "bn", "ru", "zh-hant"])
def test_pages_fit_a_320_pixel_screen_without_sideways_scrolling(
    tab, site_url, seeded_live, language
):
    tab.set_viewport_size({"width": 320, "height": 640})
    for path in (f"/{language}/", f"/embed/ice-free-nyc/?lang={language}"):
        tab.goto(site_url + path)

        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, path


def test_reduced_motion_turns_off_smooth_scrolling(context, site_url, seeded_live):
    tab = context.new_page()
    tab.emulate_media(reduced_motion="reduce")
    tab.goto(f"{site_url}{SEED_PATH}")
    assert (
        tab.evaluate("getComputedStyle(document.documentElement).scrollBehavior")
        == "auto"
    )

    tab.emulate_media(reduced_motion="no-preference")
    assert (
        tab.evaluate("getComputedStyle(document.documentElement).scrollBehavior")
        == "smooth"
    )


def test_axe_check_reports_an_unlabelled_field(tab, site_url, seeded_live):
    # The guard for every axe assertion: a real violation must be seen.
    tab.goto(f"{site_url}{SEED_PATH}")
    tab.evaluate("document.getElementById('sign-email').labels[0].remove()")

    assert any(found.startswith("label") for found in axe_violations(tab))
