"""A tampered letter's remote image reaches no output: not the inline widget's HTML
on a partner's page (where no CSP stops it), the API, or our own pages."""

from __future__ import annotations

from wagtail.rich_text import RichText

from campaigns.services import campaign_identity
from tests.factories import campaign_page
from tests.pages.conftest import serve_as_home

PIXEL = '<p>Dear Mayor,<img src="https://tracker.example/p.gif" alt="x"></p>'


def test_no_output_of_a_tampered_campaign_loads_a_remote_image(db, client):
    page = campaign_page(
        slug="tampered",
        letter=PIXEL,
        background=[("paragraph", RichText(PIXEL))],
    )
    serve_as_home(page)
    key = campaign_identity(page).public_key

    outputs = {
        "inline widget": client.get(f"/api/v1/campaigns/{key}/embed/").json()["html"],
        "api detail": client.get(f"/api/v1/campaigns/{key}/").content.decode(),
        "embed page": client.get(f"/embed/{key}/").content.decode(),
        "hosted page": client.get("/", follow=True).content.decode(),
    }

    for name, text in outputs.items():
        assert "Dear Mayor," in text, name
        assert "tracker.example" not in text, name
