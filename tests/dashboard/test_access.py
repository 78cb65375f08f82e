"""Who may see the dashboard, make the PDF and change a campaign's state."""

from __future__ import annotations

import pytest
from django.urls import reverse

VIEWS = {
    "dashboard": lambda pk: reverse("undersign_dashboard", args=[pk]),
    "delivery": lambda pk: reverse("undersign_delivery_pdf", args=[pk]),
    "state": lambda pk: reverse("undersign_campaign_state", args=[pk, "closed"]),
}


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("superuser", {"dashboard", "delivery", "state"}),
        ("editor", {"dashboard", "delivery", "state"}),
        ("signer_viewer", {"dashboard", "delivery"}),
        ("nobody", set()),
    ],
)
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_campaign_a_views_by_who_is_asking(request, page, who, allowed, view):
    client = request.getfixturevalue(who)

    response = client.get(VIEWS[view](page.pk))

    assert response.status_code == (200 if view in allowed else 403)


@pytest.mark.parametrize("who", ["editor", "signer_viewer"])
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_rights_on_campaign_a_give_nothing_on_b(request, other_page, who, view):
    client = request.getfixturevalue(who)

    response = client.get(VIEWS[view](other_page.pk))

    assert response.status_code == 403


@pytest.mark.parametrize("who", ["signer_viewer", "nobody"])
def test_a_refused_state_change_changes_nothing(request, page, who):
    client = request.getfixturevalue(who)

    response = client.post(VIEWS["state"](page.pk), {f"note_{page.pk}": "Won"})

    page.refresh_from_db()
    assert response.status_code == 403
    assert page.state == "open"


def test_anonymous_visitors_are_sent_to_log_in(client, page):
    response = client.get(VIEWS["dashboard"](page.pk))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_an_unknown_page_or_state_is_not_found(superuser, page):
    # follow: a 404 first tries the language-prefixed path.
    missing = superuser.get(VIEWS["dashboard"](99999), follow=True)
    url = reverse("undersign_campaign_state", args=[page.pk, "exploded"])

    assert missing.status_code == 404
    assert superuser.get(url, follow=True).status_code == 404


def test_the_dashboard_of_a_page_that_is_not_a_campaign_is_not_found(superuser, page):
    url = VIEWS["dashboard"](page.get_parent().pk)

    assert superuser.get(url, follow=True).status_code == 404
