"""The script's first request: may this site show the form, and where is everything."""

from __future__ import annotations

import pytest

SETUP = "/widget/v1/campaigns/stop-the-detentions/"
PARTNER = "https://partner.example"
FOREIGN = "https://elsewhere.example"


def ask(client, url: str = SETUP, origin: str | None = PARTNER, **query: str):
    headers = {"Origin": origin} if origin else {}
    return client.get(url, {"partner": "make-the-road", **query}, headers=headers)


def test_a_partner_site_gets_every_url_from_the_urlconf(client, hosted, partner):
    response = ask(client, lang="en")

    body = response.json()
    assert response.status_code == 200
    assert body["allowed"] is True
    assert body["origin"] == PARTNER
    query = "partner=make-the-road&lang=en"
    assert body["frame"] == f"http://testserver/embed/stop-the-detentions/?{query}"
    assert body["fragment"] == (
        f"http://testserver/api/v1/campaigns/stop-the-detentions/embed/?{query}"
    )
    assert body["enhancer"] == "http://testserver/static/undersign_widget/form.js"
    assert body["link"] == "http://testserver/en/p/make-the-road/"
    assert body["title"] == "Petition: Stop the detentions"
    assert "message" not in body


def test_an_unlisted_site_is_told_in_the_signers_language_and_given_no_urls(
    client, hosted, partner
):
    response = ask(client, origin=FOREIGN, lang="es")

    body = response.json()
    assert response.status_code == 200
    assert body == {
        "allowed": False,
        "origin": FOREIGN,
        "language": "es",
        "dir": "ltr",
        "message": "Este sitio web no puede mostrar el formulario de esta petición.",
        # The campaign's own page, credited, in the signer's language.
        "link": "http://testserver/es/p/make-the-road/",
        "link_text": "Abrir esta petición en su propia página",
    }


def test_right_to_left_languages_say_so(client, hosted, partner):
    body = ask(client, origin=FOREIGN, lang="ar").json()

    assert (body["language"], body["dir"]) == ("ar", "rtl")


def test_the_site_itself_and_a_campaign_open_to_all_may_show_it(client, hosted):
    assert ask(client, origin=None).json()["allowed"] is True
    assert ask(client, origin=FOREIGN).json()["allowed"] is False

    hosted.open_to_all_sites = True
    hosted.save_revision().publish()

    assert ask(client, origin=FOREIGN).json()["allowed"] is True


def test_a_release_finds_the_same_answer_beside_itself(client, hosted, partner):
    url = "/widget/releases/1.2.0/campaigns/stop-the-detentions/"

    assert ask(client, url).json() == ask(client).json()


def test_the_answer_is_public_and_varies_with_the_asker(client, hosted, partner):
    response = ask(client)

    assert response["Access-Control-Allow-Origin"] == "*"
    assert {"Origin", "Accept-Language"} <= set(response["Vary"].split(", "))
    assert "public" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.parametrize("key", ["no-such-campaign", "%3Cscript%3E"])
def test_an_unknown_campaign_is_a_readable_404(client, db, key):
    response = ask(client, f"/widget/v1/campaigns/{key}/")

    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json() == {"detail": "No live campaign"}


def test_it_cannot_be_posted_to(client, hosted):
    assert client.post(SETUP).status_code == 405
