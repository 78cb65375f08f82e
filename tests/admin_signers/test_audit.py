"""Listings, searches and inspections are audited: who, which campaign, which
kinds of filter; never an email or its blind index."""

from __future__ import annotations

import json

from wagtail.models import ModelLogEntry

from campaigns.admin import audit
from campaigns.crypto import email_index
from campaigns.models import Campaign

ADMIN = "/admin/undersign/signatures/"


def _entries(action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=action).order_by("pk"))


def test_listing_writes_an_entry_on_the_campaign_shown(page, sign, viewer):
    sign(page, "alma@example.org")

    viewer.get(f"{ADMIN}?status=confirmed")

    [entry] = _entries(audit.SIGNERS_LISTED)
    campaign = Campaign.objects.get(translation_key=page.translation_key)
    assert entry.object_id == str(campaign.pk)
    assert entry.user.username == "viewer"
    assert entry.data == {
        "campaign": campaign.public_key,
        "filters": ["status"],
        "rows": 1,
    }


def test_each_htmx_results_refresh_is_audited_too(page, sign, viewer):
    sign(page, "alma@example.org")

    viewer.get(f"{ADMIN}results/", headers={"HX-Request": "true"})
    viewer.get(f"{ADMIN}results/?moderation=ok")

    assert [entry.data["filters"] for entry in _entries(audit.SIGNERS_LISTED)] == [
        [],
        ["moderation"],
    ]


def test_search_by_email_finds_through_the_blind_index_and_logs_no_identifier(
    page, sign, viewer
):
    sign(page, "alma@example.org")
    sign(page, "other@example.org")

    posted = viewer.post(f"{ADMIN}search/", {"email": " Alma@Example.org "})
    listing = viewer.get(posted["Location"])

    assert posted.status_code == 302
    assert "alma" not in posted["Location"].lower()
    html = listing.content.decode()
    assert "alma@example.org" in html
    assert "other@example.org" not in html
    [entry] = _entries(audit.SIGNERS_LISTED)
    assert entry.data["filters"] == ["signer"]
    logged = json.dumps(entry.data) + entry.label
    assert "alma" not in logged.lower()
    assert email_index("alma@example.org") not in logged


def test_a_search_for_a_malformed_email_is_refused_without_listing(viewer, page):
    response = viewer.post(f"{ADMIN}search/", {"email": "not-an-email"}, follow=True)

    assert "Type a whole email address" in response.content.decode()
    # Redirected to the plain listing, which is audited, without a signer filter.
    assert all(
        "signer" not in entry.data["filters"]
        for entry in _entries(audit.SIGNERS_LISTED)
    )


def test_a_listing_with_nothing_shown_logs_nothing_unless_a_campaign_was_chosen(
    page, viewer
):
    viewer.get(ADMIN)
    assert _entries(audit.SIGNERS_LISTED) == []

    campaign = Campaign.objects.get(translation_key=page.translation_key)
    viewer.get(f"{ADMIN}?campaign={campaign.pk}")
    [entry] = _entries(audit.SIGNERS_LISTED)
    assert entry.data["rows"] == 0


def test_inspecting_a_signature_is_audited_on_it_and_shown_in_its_history(
    page, partner, sign, viewer
):
    signature = sign(page, "alma@example.org", partner=partner, consents=["organizer"])

    inspect = viewer.get(f"{ADMIN}inspect/{signature.pk}/")
    history = viewer.get(f"{ADMIN}history/{signature.pk}/")

    html = inspect.content.decode()
    assert "alma@example.org" in html
    assert "Keep me updated about this campaign" in html  # the exact consent text
    [entry] = _entries(audit.SIGNER_INSPECTED)
    assert entry.object_id == str(signature.pk)
    assert entry.data == {}
    assert "Viewed a signature&#x27;s details" in history.content.decode()
