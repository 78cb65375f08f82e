"""One campaign's form, in the asked language, with sanitized HTML."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from campaigns.models import CampaignQuestion
from tests.factories import campaign_page


def detail(api_client, key, **params):
    return api_client.get(f"/api/v1/campaigns/{key}/", params)


def test_detail_by_public_key_has_what_the_form_needs(api_client, page):
    data = detail(api_client, page.slug).json()

    assert data["key"] == "stop-the-detentions"
    assert data["target"] == "Mayor of New York"
    assert data["call_to_action"].startswith("Tell the Mayor")
    assert data["letter"] == "<p>Dear Mayor,</p><p>We call on you to act.</p>"
    assert data["is_accepting"] is True
    assert data["state"] == "open"
    assert data["goal"] == 1000
    assert data["count"] == 0


def test_fields_list_email_first_and_leave_out_fields_not_asked(api_client, db):
    page = campaign_page(slug="fields", phone_rule="optional", postal_code_rule="off")

    fields = detail(api_client, page.slug).json()["fields"]

    assert [f["name"] for f in fields] == ["email", "first_name", "last_name", "phone"]
    assert fields[0] == {
        "name": "email",
        "label": "Email",
        "required": True,
        "input_type": "email",
        "autocomplete": "email",
    }
    assert fields[3]["required"] is False
    assert fields[3]["input_type"] == "tel"


def test_demands_and_background_are_rendered(api_client, db):
    page = campaign_page(
        slug="rendered",
        demands=[("demand", "End 287(g)"), ("demand", "Close the jails")],
        background=[("paragraph", "<p>Why <b>now</b></p>")],
    )

    data = detail(api_client, page.slug).json()

    assert data["demands"] == ["End 287(g)", "Close the jails"]
    assert "<p>Why <b>now</b></p>" in data["background"]


def test_cms_html_is_sanitized(api_client, db):
    page = campaign_page(
        slug="sneaky",
        letter='<p onclick="x()">Hi<script>alert(1)</script>'
        '<a href="javascript:alert(1)">me</a></p>',
    )

    letter = detail(api_client, page.slug).json()["letter"]

    assert "script" not in letter
    assert "onclick" not in letter
    assert "javascript:" not in letter
    assert "Hi" in letter


def test_questions_are_listed_with_their_choices(api_client, page):
    CampaignQuestion.objects.create(
        page=page,
        key="borough",
        label="Your borough",
        kind="choice",
        choices="Bronx\nBrooklyn\n",
        required=True,
    )
    page.save_revision().publish()

    questions = detail(api_client, page.slug).json()["questions"]

    assert questions == [
        {
            "key": "borough",
            "label": "Your borough",
            "kind": "choice",
            "choices": ["Bronx", "Brooklyn"],
            "required": True,
        }
    ]


def test_partner_consent_is_offered_only_through_that_partner(
    api_client, page, partner
):
    plain = detail(api_client, page.slug).json()["consents"]
    via_partner = detail(api_client, page.slug, partner="make-the-road").json()

    assert "partner:make-the-road" not in [c["key"] for c in plain]
    assert {
        "key": "partner:make-the-road",
        "label": "Allow Make the Road to contact me",
    } in (via_partner["consents"])


def test_asked_language_picks_the_translation(api_client, spanish_page, page):
    by_param = detail(api_client, page.slug, lang="es").json()
    by_header = api_client.get(
        f"/api/v1/campaigns/{page.slug}/", headers={"Accept-Language": "es"}
    ).json()

    assert by_param["language"] == by_header["language"] == "es"
    assert by_param["title"] == "Paren las detenciones"
    # Translations are one campaign: one key.
    assert by_param["key"] == "stop-the-detentions"


def test_unknown_language_falls_back_to_the_original(api_client, page):
    data = detail(api_client, page.slug, lang="xx").json()

    assert data["language"] == "en"


def test_url_is_the_hosted_page_with_its_language_prefix(api_client, db):
    site_root = Site.objects.get(is_default_site=True).root_page
    page = campaign_page(slug="hosted", parent=site_root)

    data = detail(api_client, page.slug).json()

    assert data["url"] == "http://localhost/en/hosted/"


@pytest.mark.parametrize("key", ["no-such-campaign", "draft"])
def test_unknown_or_draft_campaign_is_a_json_404(api_client, db, key):
    campaign_page(publish=False, slug="draft")

    response = detail(api_client, key)

    assert response.status_code == 404
    assert response.json()["code"] == "campaign_not_found"


def test_original_public_key_keeps_working_after_a_slug_rename(api_client, sign, page):
    page.slug = "ice-out-of-nyc"
    page.save_revision().publish()

    by_old_key = detail(api_client, "stop-the-detentions")
    by_new_slug = detail(api_client, "ice-out-of-nyc")
    signed = sign(
        "stop-the-detentions",
        {"email": "a@example.org", "first_name": "A", "last_name": "B"},
    )

    assert by_old_key.status_code == by_new_slug.status_code == 200
    assert (
        by_old_key.json()["key"] == by_new_slug.json()["key"] == "stop-the-detentions"
    )
    assert signed.status_code == 202


def test_lang_translates_the_form_labels_as_accept_language_does(
    api_client, spanish_page, page
):
    by_param = detail(api_client, page.slug, lang="es").json()
    by_header = api_client.get(
        f"/api/v1/campaigns/{page.slug}/", headers={"Accept-Language": "es"}
    ).json()
    english = detail(api_client, page.slug, lang="en").json()

    labels = [field["label"] for field in by_param["fields"]]
    assert labels == [field["label"] for field in by_header["fields"]]
    assert labels != [field["label"] for field in english["fields"]]
