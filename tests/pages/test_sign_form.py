from __future__ import annotations

import re

from campaigns.models import CampaignQuestion, Signature
from tests.factories import campaign_page
from tests.pages.conftest import serve_as_home


def test_posting_the_form_stores_a_signature_and_redirects_to_thanks(
    client, hosted, sign
):
    response = sign("/en/", consents=["organizer"])

    assert response.status_code == 302
    assert response["Location"] == "/en/thanks/"
    signature = Signature.objects.get()
    assert signature.identity.email == "ana@example.org"
    assert signature.identity.last_name == "Ruiz"
    assert signature.language == "en"
    assert [c.version.kind for c in signature.consents.all()] == [
        "organizer",
        "privacy",
    ]
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you, Ana!" in thanks
    assert "Add your name" not in thanks


def test_thanks_counts_the_new_signature(client, hosted, sign):
    client.get(sign("/en/")["Location"])

    assert "<strong>1</strong> signature" in client.get("/en/thanks/").content.decode()


def test_a_repeat_signer_sees_exactly_what_a_new_signer_sees(client, hosted, sign):
    first = sign("/en/")
    first_page = client.get(first["Location"]).content
    again = sign("/en/", email="  ANA@example.org ")
    again_page = client.get(again["Location"]).content

    assert again["Location"] == first["Location"]
    assert again_page == first_page
    assert Signature.objects.count() == 1


def test_bad_email_is_shown_beside_the_field_and_nothing_is_stored(hosted, sign):
    response = sign("/en/", email="not-an-email")

    html = response.content.decode()
    assert response.status_code == 200
    assert Signature.objects.count() == 0
    field = re.search(r"<input[^>]*name=\"email\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="sign-email_error"' in field
    assert 'value="not-an-email"' in field
    assert re.search(r'id="sign-email_error">.*Enter a valid email address', html)
    assert 'href="#sign-email">Email: Enter a valid email address.' in html
    assert 'id="us-error-summary" role="alert" tabindex="-1" autofocus' in html


def test_what_was_typed_is_kept_when_another_field_is_wrong(hosted, sign):
    html = sign("/en/", first_name="", last_name="Ruiz").content.decode()

    assert "This field is required." in html
    assert 'value="Ruiz"' in html
    assert 'value="ana@example.org"' in html


def test_fields_the_campaign_does_not_ask_are_not_shown(client, hosted):
    hosted.phone_rule = "off"
    hosted.postal_code_rule = "off"
    hosted.save_revision().publish()

    html = client.get("/en/").content.decode()

    assert 'name="phone"' not in html
    assert 'name="postal_code"' not in html
    assert 'name="first_name"' in html


def test_optional_fields_say_so_and_required_ones_do_not(client, hosted):
    html = client.get("/en/").content.decode()

    assert re.search(r'for="sign-postal_code">[^<]*<span class="us-optional">', html)
    assert re.search(r'for="sign-first_name">First name</label>', html)


def test_every_field_has_a_label(client, hosted):
    html = client.get("/en/").content.decode()

    for field_id in re.findall(r'<input type="(?:text|email)"[^>]*id="([^"]+)"', html):
        if field_id != "us-share-url":
            assert f'for="{field_id}"' in html


def test_double_opt_in_asks_the_signer_to_check_their_email(db, client, sign):
    serve_as_home(campaign_page(double_opt_in=True))

    html = client.get(sign("/en/")["Location"]).content.decode()

    assert "Check your email" in html
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_redirect_url_sends_signers_there_after_signing(db, sign):
    serve_as_home(campaign_page(redirect_url="https://example.org/next"))

    assert sign("/en/")["Location"] == "https://example.org/next"


def test_custom_questions_render_and_their_errors_land_on_them(hosted, client, sign):
    CampaignQuestion.objects.create(
        page=hosted,
        key="borough",
        label="Your borough",
        kind="choice",
        choices="Bronx\nBrooklyn\nQueens",
        required=True,
    )
    CampaignQuestion.objects.create(
        page=hosted, key="adult", label="I am over 18", kind="checkbox", required=True
    )
    hosted.save_revision().publish()

    html = client.get("/en/").content.decode()
    assert re.search(r"<fieldset[^>]*>\s*<legend[^>]*>Your borough", html)
    assert 'type="radio" name="q_borough" value="Queens"' in html

    html = sign("/en/").content.decode()
    assert "This question needs an answer." in html
    assert "Tick this box to sign." in html
    assert 'href="#sign-q_borough_0"' in html
    assert Signature.objects.count() == 0

    sign("/en/", q_borough="Queens", q_adult="on")
    assert Signature.objects.get().identity.answers == {
        "borough": "Queens",
        "adult": True,
    }


def test_a_choice_that_is_not_offered_is_refused(hosted, sign):
    CampaignQuestion.objects.create(
        page=hosted,
        key="borough",
        label="Your borough",
        kind="choice",
        choices="Bronx\nQueens",
    )
    hosted.save_revision().publish()

    html = sign("/en/", q_borough="Atlantis").content.decode()

    assert Signature.objects.count() == 0
    assert 'aria-describedby="sign-q_borough_error"' in html


def test_a_forged_consent_is_refused(hosted, sign):
    sign("/en/", consents=["partner:someone-else"])

    assert Signature.objects.count() == 0


def test_a_nul_byte_in_a_name_is_refused_with_a_message(hosted, sign):
    html = sign("/en/", first_name="An\x00a").content.decode()

    assert Signature.objects.count() == 0
    assert "sign-first_name_error" in html
