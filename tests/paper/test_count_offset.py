"""The count offset: editable beside the import, added to the count, audited."""

from __future__ import annotations

from wagtail.models import ModelLogEntry

from campaigns.admin import audit
from campaigns.selectors import signature_count
from tests.paper.conftest import paper_url
from tests.partners.signers import sign_through


def test_the_offset_is_saved_added_to_the_count_and_audited(
    page, campaign, paper_client
):
    sign_through(page, None, "ana@example.org")

    response = paper_client.post(
        paper_url(page), {"action": "offset", "count_offset": "250"}
    )

    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.count_offset == 250
    assert signature_count(campaign) == 251
    [entry] = ModelLogEntry.objects.filter(
        object_id=str(campaign.pk), action=audit.COUNT_OFFSET_SET
    )
    assert entry.data == {"from": 0, "to": 250}


def test_a_negative_or_non_numeric_offset_is_an_error_and_changes_nothing(
    page, campaign, paper_client
):
    for value in ("-5", "many", ""):
        response = paper_client.post(
            paper_url(page), {"action": "offset", "count_offset": value}
        )

        assert response.status_code == 200
        assert response.context["offset"].errors["count_offset"]
    campaign.refresh_from_db()
    assert campaign.count_offset == 0
    assert not ModelLogEntry.objects.filter(action=audit.COUNT_OFFSET_SET).exists()


def test_the_page_shows_the_public_count(page, campaign, paper_client):
    campaign.count_offset = 40
    campaign.save()

    response = paper_client.get(paper_url(page))

    assert response.context["count"] == 40
