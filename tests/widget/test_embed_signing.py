"""Signing in the iframe without JavaScript: token and Origin instead of CSRF."""

from __future__ import annotations

from django.core import signing

from campaigns.models import Signature
from campaigns.signing.screening import SALT, issue_form_token
from tests.factories import campaign_page

EMBED = "/embed/stop-the-detentions/"
VIA_PARTNER = EMBED + "?partner=make-the-road&lang=en"


def test_the_form_as_served_can_be_posted_back(client, hosted):
    html = client.get(EMBED).content.decode()
    token = html.split('name="form_token" value="')[1].split('"')[0]

    response = client.post(
        EMBED,
        {
            "form_token": token,
            "email": "ana@example.org",
            "first_name": "Ana",
            "last_name": "Ruiz",
        },
        headers={"Origin": "http://testserver"},
    )

    assert response.status_code == 302
    assert Signature.objects.count() == 1


def test_signing_credits_the_partner_and_keeps_the_host_pages_source(
    client, hosted, partner, embed_post
):
    html = client.get(
        VIA_PARTNER,
        {"utm_source": "newsletter", "ref": "https://partner.example/petition?x=1"},
    ).content.decode()
    assert 'name="referrer" value="https://partner.example"' in html

    response = embed_post(
        VIA_PARTNER,
        hosted,
        partner="someone-else",
        utm_source="newsletter",
        referrer="https://partner.example",
        consents=["partner:make-the-road"],
    )

    assert response.status_code == 302
    assert response["Location"] == (
        "http://testserver/embed/stop-the-detentions/thanks/"
        "?partner=make-the-road&lang=en"
    )
    signature = Signature.objects.get()
    assert signature.partner == partner
    assert signature.source == {
        "utm_source": "newsletter",
        "referrer": "https://partner.example",
    }
    assert [c.version.kind for c in signature.consents.all()] == [
        "partner",
        "privacy",
    ]


def test_a_ref_that_is_not_an_origin_is_not_kept(client, hosted):
    html = client.get(EMBED, {"ref": "javascript:alert(1)"}).content.decode()

    assert '<input type="hidden" name="referrer"' not in html


def test_thanks_is_shown_in_the_frame_with_partner_share_links(
    client, hosted, partner, embed_post
):
    location = embed_post(VIA_PARTNER, hosted)["Location"]

    response = client.get(location)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Thank you for signing!" in html
    assert "data-us-thanks " in html and "data-us-thanks hidden" not in html
    assert 'value="http://testserver/en/p/make-the-road/"' in html
    assert 'class="us-form"' not in html
    assert not response.cookies
    assert (
        "frame-ancestors https://partner.example"
        in (response["Content-Security-Policy"])
    )


def test_thanks_without_a_public_url_shows_no_empty_share_block(client, page):
    # A campaign outside every site has no URL to copy or share.
    html = client.get("/embed/stop-the-detentions/thanks/").content.decode()
    fragment = client.get("/api/v1/campaigns/stop-the-detentions/embed/").json()

    assert "Thank you for signing!" in html
    for panel in (html, fragment["html"]):
        assert "us-share" not in panel
        assert 'id="us-share-url"' not in panel


def test_thanks_under_double_opt_in_asks_to_check_email(client, db, embed_post):
    page = campaign_page(double_opt_in=True)

    location = embed_post(f"/embed/{page.slug}/", page)["Location"]

    assert "Check your email" in client.get(location).content.decode()


def test_a_missing_token_is_refused_and_nothing_stored(hosted, embed_post):
    response = embed_post(EMBED, hosted, token=None)

    assert response.status_code == 403
    assert "Nothing was saved" in response.content.decode()
    assert Signature.objects.count() == 0


def test_a_forged_token_is_refused(hosted, embed_post):
    forged = signing.dumps("stop-the-detentions", salt=SALT, key="not-our-secret")

    assert embed_post(EMBED, hosted, token=forged).status_code == 403
    assert Signature.objects.count() == 0


def test_a_token_for_another_campaign_is_refused(hosted, embed_post):
    response = embed_post(EMBED, hosted, token=issue_form_token("another-campaign"))

    assert response.status_code == 403
    assert Signature.objects.count() == 0


def test_an_expired_token_is_refused(hosted, embed_post, monkeypatch):
    token = issue_form_token("stop-the-detentions")
    day_later = signing.time.time() + 24 * 60 * 60 + 5
    monkeypatch.setattr(signing.time, "time", lambda: day_later)

    assert embed_post(EMBED, hosted, token=token).status_code == 403
    assert Signature.objects.count() == 0


def test_a_post_from_another_origin_is_refused(hosted, embed_post):
    for origin in ["https://evil.example", "null", "http://testserver.evil.example"]:
        assert embed_post(EMBED, hosted, origin=origin).status_code == 403, origin
    assert Signature.objects.count() == 0


def test_without_origin_the_referer_decides(client, hosted, embed_post):
    data = {
        "form_token": issue_form_token("stop-the-detentions"),
        "email": "ana@example.org",
        "first_name": "Ana",
        "last_name": "Ruiz",
    }

    foreign = client.post(EMBED, data, headers={"Referer": "https://evil.example/x"})
    missing = client.post(EMBED, data)
    ours = client.post(EMBED, data, headers={"Referer": "http://testserver" + EMBED})

    assert (foreign.status_code, missing.status_code) == (403, 403)
    assert ours.status_code == 302
    assert Signature.objects.count() == 1


def test_a_bad_email_is_shown_beside_the_field_and_nothing_stored(hosted, embed_post):
    response = embed_post(EMBED, hosted, email="not-an-address", first_name="Ana")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<p class="us-error" id="sign-email_error">' in html
    assert 'class="us-error-summary"' in html
    assert 'value="Ana"' in html
    assert 'name="form_token" value="' in html
    assert not response.cookies
    assert Signature.objects.count() == 0


def test_signing_a_campaign_that_just_closed_shows_why(hosted, embed_post):
    hosted.state = "closed"
    hosted.save_revision().publish()

    html = embed_post(EMBED, hosted).content.decode()

    assert "Signing is closed" in html
    assert Signature.objects.count() == 0
