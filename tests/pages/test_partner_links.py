from __future__ import annotations

from campaigns.models import Signature
from tests.factories import PartnerFactory


def test_partner_query_link_credits_the_partner(client, hosted, partner, sign):
    html = client.get("/en/?partner=make-the-road").content.decode()
    assert 'name="partner" value="make-the-road"' in html
    assert "Allow Make the Road to contact me" in html

    sign("/en/", partner="make-the-road", consents=["partner:make-the-road"])

    signature = Signature.objects.get()
    assert signature.partner == partner
    assert [c.version.kind for c in signature.consents.all()] == [
        "partner",
        "privacy",
    ]


def test_partner_path_link_credits_the_partner(client, hosted, partner, sign):
    html = client.get("/en/p/make-the-road/").content.decode()
    assert 'action="/en/p/make-the-road/"' in html
    assert "Allow Make the Road to contact me" in html

    response = sign("/en/p/make-the-road/")

    assert response["Location"] == "/en/thanks/"
    assert Signature.objects.get().partner == partner


def test_path_partner_wins_over_a_posted_one(hosted, partner, sign):
    sign("/en/p/make-the-road/", partner="someone-else")

    assert Signature.objects.get().partner == partner


def test_an_unknown_partner_key_is_kept_and_the_signature_accepted(hosted, sign):
    sign("/en/p/no-such-partner/")

    signature = Signature.objects.get()
    assert signature.partner is None
    assert signature.partner_key == "no-such-partner"


def test_partner_consent_is_not_offered_without_the_partner(client, hosted, partner):
    html = client.get("/en/").content.decode()

    assert "Allow Make the Road to contact me" not in html


def test_a_partner_consent_cannot_be_ticked_without_the_partner_link(
    hosted, partner, sign
):
    sign("/en/", consents=["partner:make-the-road"])

    assert Signature.objects.count() == 0


def test_utm_tags_and_the_referring_origin_become_the_source(client, hosted, sign):
    html = client.get(
        "/en/?utm_source=newsletter&utm_campaign=june",
        HTTP_REFERER="https://News.example.org/story?id=42",
    ).content.decode()
    assert 'name="referrer" value="https://news.example.org"' in html

    sign(
        "/en/",
        utm_source="newsletter",
        utm_campaign="june",
        referrer="https://news.example.org",
    )

    assert Signature.objects.get().source == {
        "utm_source": "newsletter",
        "utm_campaign": "june",
        "referrer": "https://news.example.org",
    }


def test_our_own_site_is_not_recorded_as_the_referrer(client, hosted):
    html = client.get("/en/", HTTP_REFERER="http://testserver/en/").content.decode()

    assert 'name="referrer"' not in html


def test_an_overlong_tag_is_cut_rather_than_blocking_the_signing(client, hosted, sign):
    html = client.get("/en/?utm_source=" + "x" * 500).content.decode()
    assert 'name="utm_source" value="' + "x" * 200 + '"' in html

    sign("/en/", utm_source="x" * 200)

    assert Signature.objects.get().source == {"utm_source": "x" * 200}


def test_an_overlong_partner_key_is_cut_rather_than_blocking_the_signing(hosted, sign):
    response = sign("/en/p/" + "k" * 300 + "/")

    assert response.status_code == 302
    assert Signature.objects.get().partner_key == "k" * 80


def test_a_linked_partner_is_named_above_the_form(client, hosted, partner):
    html = client.get("/en/p/make-the-road/").content.decode()

    assert "With Make the Road" in html


def test_a_partner_not_linked_to_the_campaign_is_not_named(client, hosted):
    PartnerFactory(name="Elsewhere Union", slug="elsewhere")

    html = client.get("/en/p/elsewhere/").content.decode()

    assert "Elsewhere Union" not in html
