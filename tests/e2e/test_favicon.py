"""No page a signer opens logs an error in Chromium's console (the favicon 404)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("path", ["/en/", "/your-data/", "/privacy/"])
def test_pages_log_no_console_error(tab, live_server, seeded_live, path):
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    icons = []
    tab.on("response", lambda r: icons.append(r.status) if "favicon" in r.url else None)

    # 127.0.0.1 is a trustworthy origin, as https is in production (over
    # plain http a named host draws a warning about the COOP header).
    tab.goto(f"{live_server.url}{path}")
    tab.wait_for_timeout(500)  # the favicon is fetched after the load event

    assert errors == []
    assert icons in ([], [200])  # headless Chromium may not ask for it
