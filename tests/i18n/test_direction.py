"""Arabic and Urdu read right to left, wherever the form is shown."""

from __future__ import annotations

import pytest

EMBED = "/embed/stop-the-detentions/"


@pytest.mark.parametrize(
    ("language", "direction"),
    [("ar", "rtl"), ("ur", "rtl"), ("en", "ltr"), ("ko", "ltr")],
)
def test_hosted_page_sets_the_documents_direction(client, hosted, language, direction):
    html = client.get(f"/{language}/").content.decode()

    assert f'<html lang="{language}" dir="{direction}">' in html


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_embed_page_is_right_to_left(client, hosted, language):
    html = client.get(EMBED, {"lang": language}).content.decode()

    assert f'<html lang="{language}" dir="rtl" data-undersign-embed>' in html


def test_inline_fragment_tells_the_holder_its_direction(api_client, hosted):
    data = api_client.get("/api/v1/campaigns/stop-the-detentions/embed/?lang=ur").json()

    assert (data["language"], data["dir"]) == ("ur", "rtl")


def test_untranslated_campaign_text_keeps_its_own_language_and_direction(
    client, hosted
):
    html = client.get("/ar/").content.decode()

    assert '<h1 class="us-headline" lang="en" dir="ltr">' in html
    assert '<div class="us-rich" lang="en" dir="ltr">' in html


def test_translated_campaign_text_is_not_marked_as_another_language(client, translate):
    translate("ar", call_to_action="أوقفوا الاحتجاز")

    html = client.get("/ar/").content.decode()

    assert '<h1 class="us-headline">أوقفوا الاحتجاز</h1>' in html


def test_api_detail_reports_the_language_of_the_translation_it_serves(
    api_client, translate
):
    translate("ar", call_to_action="أوقفوا الاحتجاز")

    data = api_client.get("/api/v1/campaigns/stop-the-detentions/?lang=ar").json()

    assert data["language"] == "ar"
    assert data["call_to_action"] == "أوقفوا الاحتجاز"
