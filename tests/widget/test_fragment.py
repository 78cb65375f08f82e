"""The inline mode's fragment: the same panel, from the public API."""

from __future__ import annotations

from tests.factories import PartnerFactory, campaign_page, link_partner

FRAGMENT = "/api/v1/campaigns/stop-the-detentions/embed/"


def test_fragment_carries_the_panel_with_its_script_hooks(api_client, hosted):
    response = api_client.get(FRAGMENT, {"lang": "en"})

    body = response.json()
    html = body["html"]
    assert response.status_code == 200
    assert set(body) == {"html", "stylesheet", "count", "goal", "language", "dir"}
    assert (body["count"], body["goal"], body["language"], body["dir"]) == (
        0,
        1000,
        "en",
        "ltr",
    )
    assert body["stylesheet"] == "http://testserver/static/undersign_widget/embed.css"
    for hook in [
        "data-undersign-panel",
        'data-api="http://testserver/api/v1/campaigns/stop-the-detentions/"',
        'data-key="stop-the-detentions"',
        'data-count="0"',
        'data-goal="1000"',
        'data-msg-required="This field is required."',
        "<strong data-us-count>0</strong>",
        '<progress data-us-progress value="0" max="1000"',
        'data-us-status role="status" aria-live="polite"',
        'data-us-thanks data-title-named="Thank you, {name}!" hidden',
        "data-us-thanks-title",
        'class="us-form"',
        "novalidate",
    ]:
        assert hook in html, hook


def test_fragment_needs_no_token_and_sets_no_cookie(api_client, hosted):
    response = api_client.get(FRAGMENT)

    html = response.json()["html"]
    assert 'name="form_token"' not in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert 'action="http://testserver/en/"' in html


def test_fragment_is_cacheable_and_readable_from_any_origin(api_client, hosted):
    response = api_client.get(FRAGMENT, headers={"Origin": "https://anyone.example"})

    assert response["Access-Control-Allow-Origin"] == "https://anyone.example"
    assert "public" in response["Cache-Control"]
    again = api_client.get(FRAGMENT, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


def test_only_the_embedding_partners_consent_box_is_offered(
    api_client, hosted, partner
):
    other = PartnerFactory(name="Other Org", slug="other-org")
    link_partner(hosted, other)

    mine = api_client.get(FRAGMENT, {"partner": "make-the-road"}).json()["html"]
    none = api_client.get(FRAGMENT).json()["html"]

    assert 'value="partner:make-the-road"' in mine
    assert "Other Org" not in mine
    assert 'action="http://testserver/en/p/make-the-road/"' in mine
    assert "partner:" not in none


def test_the_letter_is_sanitized(api_client, db):
    page = campaign_page(
        letter=(
            "<p>Dear Mayor,<script>steal()</script></p>"
            '<p><img src="x.png" onerror="steal()"></p>'
            '<p><a href="javascript:steal()">click</a></p>'
        )
    )

    html = api_client.get(f"/api/v1/campaigns/{page.slug}/embed/").json()["html"]

    assert "Dear Mayor," in html
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert "steal()" not in html


def test_an_unknown_campaign_is_a_json_404(api_client, db):
    response = api_client.get("/api/v1/campaigns/nope/embed/")

    assert response.status_code == 404
    assert response.json()["code"] == "campaign_not_found"


def test_the_fragment_is_in_the_openapi_schema(api_client, db):
    paths = api_client.get("/api/v1/schema/", {"format": "json"}).json()["paths"]

    responses = paths["/api/v1/campaigns/{key}/embed/"]["get"]["responses"]
    assert {"200", "304", "404"} <= set(responses)
