"""Debian's Chromium for Playwright: where it is and how it is launched.

A plain module (no Django), so the browser tests, the screenshots script and the
benchmarks launch the same browser the same way (see STACK-NOTES).
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Named hosts make partner pages another *site*, as in the real world.
    "--host-resolver-rules=MAP *.test 127.0.0.1",
]
