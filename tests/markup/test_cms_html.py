"""CMS HTML written straight into the database reaches no page or API unsanitized."""

from __future__ import annotations

from campaigns.services import campaign_identity
from tests.markup.conftest import markers_in


def test_the_hosted_page_sanitizes_the_letter_background_and_demands(client, hostile):
    html = client.get("/en/").content.decode()

    assert "Dear Mayor," in html
    assert "Read the demands" in html
    assert "&lt;script&gt;window.__pwned=&#x27;demand&#x27;" in html
    assert markers_in(html.replace("&lt;script&gt;window.__pwned", "")) == []


def test_the_api_detail_serves_sanitized_html(api_client, hostile):
    data = api_client.get(f"/api/v1/campaigns/{hostile.slug}/").json()

    assert "Dear Mayor," in data["letter"]
    assert markers_in(data["letter"]) == []
    assert markers_in(data["background"]) == []
    # Demands are plain text, for the client to show as text.
    assert data["demands"] == ["<script>window.__pwned='demand'</script>Stop the raids"]


def test_the_embed_page_and_the_inline_fragment_serve_sanitized_html(
    client, api_client, hostile
):
    key = campaign_identity(hostile).public_key

    embed = client.get(f"/embed/{key}/").content.decode()
    fragment = api_client.get(f"/api/v1/campaigns/{key}/embed/").json()["html"]

    for html in (embed, fragment):
        assert "Dear Mayor," in html
        assert markers_in(html.replace("&lt;script&gt;window.__pwned", "")) == []
