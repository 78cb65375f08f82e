"""The iframe document: framable by partners only, cookieless, usable without JS."""

from __future__ import annotations

import re

from cms.headers import parse_policy
from tests.factories import PartnerFactory, campaign_page, link_partner

EMBED = "/embed/stop-the-detentions/"


def test_embed_page_renders_the_form_with_a_token_and_sets_no_cookie(client, hosted):
    response = client.get(EMBED)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="form_token" value="' in html
    assert 'name="csrfmiddlewaretoken"' not in html
    assert 'id="sign-email"' in html
    assert "Set-Cookie" not in response.headers
    assert not response.cookies
    assert response["Cache-Control"] == "no-store"


def test_embed_page_is_its_own_minimal_document_with_the_form_script_and_styles(
    client, hosted
):
    html = client.get(EMBED).content.decode()

    assert '<html lang="en" dir="ltr" data-undersign-embed>' in html
    # Not undersign.js: the host page's copy is in a cache the frame cannot use.
    assert (
        '<script src="http://testserver/static/undersign_widget/form.js" defer>'
        "</script>" in html
    )
    assert "undersign.js" not in html
    assert 'href="http://testserver/static/undersign_widget/embed.css"' in html
    assert "undersign/campaign.css" not in html


def test_embed_page_accepts_the_slug_and_the_public_key(client, hosted):
    hosted.slug = "renamed"
    hosted.save_revision().publish()

    assert client.get("/embed/stop-the-detentions/").status_code == 200
    assert client.get("/embed/renamed/").status_code == 200


def test_unknown_or_draft_campaigns_are_not_found(client, db):
    campaign_page(slug="draft-one", publish=False)

    assert client.get("/embed/no-such-campaign/").status_code == 404
    assert client.get("/embed/draft-one/").status_code == 404


def test_frame_ancestors_lists_exactly_the_partner_origins(client, hosted):
    for slug, origins in [
        ("one", "https://one.example\nhttps://www.one.example/"),
        ("two", "http://localhost:8001"),
    ]:
        link_partner(hosted, PartnerFactory(slug=slug, allowed_origins=origins))
    PartnerFactory(slug="unlinked", allowed_origins="https://unlinked.example")

    response = client.get(EMBED)

    assert parse_policy(response["Content-Security-Policy"])["frame-ancestors"] == [
        "http://localhost:8001",
        "https://one.example",
        "https://www.one.example",
        "'self'",
    ]
    assert "X-Frame-Options" not in response.headers


def test_a_malformed_origin_cannot_add_csp_directives(client, hosted):
    bad = "https://ok.example\nhttps://x.example; script-src *\njavascript:alert(1)"
    link_partner(hosted, PartnerFactory(slug="bad", allowed_origins=bad))

    policy = parse_policy(client.get(EMBED)["Content-Security-Policy"])

    assert policy["frame-ancestors"] == ["https://ok.example", "'self'"]
    assert policy["script-src"] == ["'self'"]


def test_a_campaign_open_to_every_site_may_be_framed_anywhere(client, db):
    page = campaign_page(open_to_all_sites=True)

    response = client.get(f"/embed/{page.slug}/")

    policy = parse_policy(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["*"]


def test_every_other_view_still_refuses_to_be_framed(client, hosted):
    for url in ["/en/", "/api/v1/campaigns/", "/api/v1/campaigns/stop-the-detentions/"]:
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors" not in response.get("Content-Security-Policy", "")


def test_the_language_comes_from_the_campaign_translation(client, hosted):
    from wagtail.models import Locale

    arabic = hosted.copy_for_translation(Locale.objects.create(language_code="ar"))
    arabic.call_to_action = "أوقفوا الاحتجاز"
    arabic.save_revision().publish()

    html = client.get(EMBED, {"lang": "ar"}).content.decode()
    fallback = client.get(EMBED, {"lang": "ko"}).content.decode()

    assert '<html lang="ar" dir="rtl"' in html
    assert "أوقفوا الاحتجاز" in html
    # No Korean translation: the interface speaks Korean, the campaign's own
    # text stays English and says so.
    assert '<html lang="ko" dir="ltr"' in fallback
    assert 'lang="en"' in fallback


def test_a_valid_theme_is_applied_and_anything_else_ignored(client, hosted):
    themed = client.get(EMBED, {"color": "#0A7", "radius": "12"}).content.decode()
    hostile = client.get(
        EMBED, {"color": "red;background:url(//evil)", "radius": "4px;x:y"}
    ).content.decode()

    assert "{ --us-primary:#00aa77;--us-on-primary:#111111;--us-radius:12px }" in (
        themed
    )
    assert "<style" not in hostile
    assert not re.search(r'style="[^"]*evil', hostile)


def test_links_out_of_the_frame_credit_the_partner(client, hosted, partner):
    html = client.get(EMBED, {"partner": "make-the-road"}).content.decode()

    assert 'href="http://testserver/en/p/make-the-road/" target="_blank"' in html
    assert 'data-partner="make-the-road"' in html
    assert "Allow Make the Road to contact me" in html


def test_a_closed_campaign_shows_its_outcome_instead_of_the_form(client, db):
    page = campaign_page(state="won", outcome_note="The Mayor signed the order.")

    html = client.get(f"/embed/{page.slug}/").content.decode()

    assert "We won!" in html
    assert "The Mayor signed the order." in html
    assert 'class="us-form"' not in html
