from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from campaigns.models import Signature
from tests.factories import campaign_page
from tests.pages.conftest import serve_as_home


@pytest.mark.parametrize(
    ("state", "heading"),
    [
        ("closed", "Signing is closed"),
        ("delivered", "Petition delivered"),
        ("won", "We won!"),
    ],
)
def test_a_finished_campaign_shows_its_outcome_instead_of_the_form(
    db, client, state, heading
):
    serve_as_home(
        campaign_page(state=state, outcome_note="The Mayor signed the order.")
    )

    html = client.get("/en/").content.decode()

    assert heading in html
    assert "The Mayor signed the order." in html
    assert "<form" not in html


def test_posting_to_a_closed_campaign_stores_nothing(db, client, sign):
    serve_as_home(campaign_page(state="closed", outcome_note="Delivered in June."))

    response = sign("/en/")

    assert response.status_code == 200
    assert Signature.objects.count() == 0
    assert "Delivered in June." in response.content.decode()


def test_a_campaign_not_open_yet_says_so(db, client):
    serve_as_home(campaign_page(opens_at=timezone.now() + timedelta(days=2)))

    html = client.get("/en/").content.decode()

    assert "not open for signatures yet" in html
    assert "<form" not in html
