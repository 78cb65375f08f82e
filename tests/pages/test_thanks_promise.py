"""The thank-you never contradicts what the form promised about names."""

from __future__ import annotations

import pytest
from django.core import mail

from campaigns.deliveries.dispatcher import dispatch_once

COUNT_ONLY = "they receive only the number of signatures"
NAMES_GO = "Your name goes to Mayor of New York with the petition."


def test_the_seed_thanks_does_not_promise_names_the_form_says_are_not_sent(
    client, seeded
):
    hosted = seeded.url
    form = client.get(hosted).content.decode()
    client.post(hosted, {"email": "a@example.org", "first_name": "A", "last_name": "B"})
    thanks = client.get(f"{hosted}thanks/").content.decode()

    assert "receive only the number of signatures" in form
    assert "name is on the letter" not in thanks
    assert "Your signature is counted on the letter" in thanks


@pytest.mark.parametrize(("names", "promise"), [(False, COUNT_ONLY), (True, NAMES_GO)])
def test_the_default_thanks_follows_the_names_setting(
    client, sign, hosted, settings, names, promise
):
    settings.UNDERSIGN_SITE_URL = "http://testserver"
    hosted.names_to_target = names
    hosted.thank_you_message = ""
    hosted.save()

    client.get(sign("/en/")["Location"])
    thanks = client.get("/en/thanks/").content.decode()
    while dispatch_once():
        pass

    assert promise in thanks
    [message] = mail.outbox
    assert promise in message.body
    assert promise in message.alternatives[0][0]


def test_an_organizers_own_thanks_replaces_the_default(client, sign, hosted):
    hosted.thank_you_message = "Thank you, neighbour."
    hosted.save()

    thanks = client.get(sign("/en/")["Location"]).content.decode()

    assert "Thank you, neighbour." in thanks
    assert COUNT_ONLY not in thanks.split("us-thanks")[1].split("</section>")[0]
