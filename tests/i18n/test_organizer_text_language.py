"""Text the organizer wrote carries its own `lang`/`dir` on another language's page:
consent labels, questions, thank-you and share text, outcome note, and emails."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.models import CampaignQuestion

EN = 'lang="en" dir="ltr"'
FORM = {"email": "ana@example.org", "first_name": "Ana", "last_name": "Ruiz"}


@pytest.fixture
def wordy(hosted, partner):
    """The campaign with a question, a thank-you and share text, and a partner
    ("Allow Make the Road to contact me")."""
    hosted.thank_you_message = "Your voice matters."
    hosted.share_text = "Sign to keep families together"
    hosted.save()
    CampaignQuestion.objects.create(
        page=hosted,
        key="borough",
        label="Which borough?",
        kind="choice",
        choices="Bronx\nQueens",
    )
    return hosted


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_consent_labels_and_questions_keep_their_language(client, wordy, language):
    html = client.get(f"/{language}/p/make-the-road/").content.decode()

    assert f"<span {EN}>Keep me updated about this campaign</span>" in html
    assert f"<span {EN}>Allow Make the Road to contact me</span>" in html
    assert f"<span {EN}>Which borough?</span>" in html
    assert f"<span {EN}>Queens</span>" in html


def test_the_translated_consent_beside_them_is_not_marked(client, wordy):
    html = client.get("/ar/p/make-the-road/").content.decode()

    labels = re.findall(r'<label for="sign-consents_\d">(.*?)</label>', html)
    assert [label.startswith("<span lang=") for label in labels] == [True, True, False]


def test_the_thank_you_state_marks_the_organizers_words(client, wordy):
    client.post("/ar/", FORM)

    html = client.get("/ar/thanks/").content.decode()

    assert f"<p {EN}>Your voice matters.</p>" in html
    assert f'<p class="us-share-text" {EN}>Sign to keep families together</p>' in html


def test_on_the_pages_own_language_nothing_is_marked(client, wordy):
    html = client.get("/en/").content.decode()

    assert "<span lang=" not in html
    assert html.count(' lang="en" dir=') == 1  # the document's own


def test_the_outcome_note_keeps_its_language(client, hosted):
    hosted.state = "won"
    hosted.outcome_note = "The Mayor signed the order."
    hosted.save()

    html = client.get("/ur/").content.decode()

    assert f'<div class="us-outcome" {EN}>' in html


def test_the_embed_marks_consent_labels_too(client, wordy):
    html = client.get(
        "/embed/stop-the-detentions/", {"lang": "ar", "partner": "make-the-road"}
    ).content.decode()

    assert f"<span {EN}>Allow Make the Road to contact me</span>" in html


def test_an_email_in_arabic_marks_the_campaigns_words(client, wordy, settings):
    settings.UNDERSIGN_SITE_URL = "http://testserver"
    client.post("/ar/", FORM)
    while dispatch_once():
        pass

    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert 'dir="rtl"' in html
    assert f"<span {EN}>Stop the detentions</span>" in html
    assert f"<p {EN}>Your voice matters.</p>" in html
    assert f"<span {EN}>ICE-Free NYC</span>" in html


def test_the_inline_fragment_marks_consent_labels_too(api_client, wordy):
    data = api_client.get(
        "/api/v1/campaigns/stop-the-detentions/embed/",
        {"lang": "ur", "partner": "make-the-road"},
    ).json()

    assert f"<span {EN}>Allow Make the Road to contact me</span>" in data["html"]
