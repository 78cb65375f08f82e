"""Who may export: `view_signers` on every campaign exported; files to the requester."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from campaigns.models import SignerExport
from tests.exports.helpers import export, records, start_url
from tests.exports.users import VIEW_SIGNERS, organizer
from tests.partners.signers import sign_through


@pytest.fixture
def background(settings):
    """Every export with rows runs in the background."""
    settings.UNDERSIGN_EXPORT_STREAM_MAX_ROWS = 0


def _start_background(client, campaign) -> SignerExport:
    response = client.post(start_url(campaign=campaign.pk))
    assert response.status_code == 302
    return SignerExport.objects.latest("pk")


def _status(export: SignerExport) -> str:
    return reverse("undersign_exports:status", args=[export.pk])


def _download(export: SignerExport) -> str:
    return reverse("undersign_exports:download", args=[export.pk])


def test_a_user_may_export_their_campaign_and_not_another(
    page, page_b, campaign, campaign_b, client_a
):
    sign_through(page, None, "ana@example.org")
    sign_through(page_b, None, "bo@example.org")

    assert len(export(client_a, campaign=campaign.pk)) == 1
    assert client_a.get(start_url(campaign=campaign_b.pk)).status_code == 403
    both = f"{start_url(campaign=campaign.pk)}&campaign={campaign_b.pk}"
    assert client_a.get(both).status_code == 403


def test_without_a_campaign_the_export_covers_only_permitted_ones(
    page, page_b, client_a
):
    sign_through(page, None, "ana@example.org")
    sign_through(page_b, None, "bo@example.org")

    rows = export(client_a)

    assert [row["email"] for row in rows] == ["ana@example.org"]


def test_a_user_without_the_permission_gets_403_everywhere(page, campaign, client_none):
    sign_through(page, None, "ana@example.org")

    assert client_none.get(start_url()).status_code == 403
    assert client_none.get(start_url(campaign=campaign.pk)).status_code == 403
    assert client_none.post(start_url(campaign=campaign.pk)).status_code == 403


def test_a_page_editor_without_view_signers_may_not_export(page, campaign):
    editor = organizer("editor", page, "change_page", "publish_page")
    sign_through(page, None, "ana@example.org")

    assert editor.get(start_url(campaign=campaign.pk)).status_code == 403


def test_a_superuser_may_export_every_campaign(page, page_b, campaign_b, client_root):
    sign_through(page, None, "ana@example.org")
    sign_through(page_b, None, "bo@example.org")

    assert len(export(client_root)) == 2
    assert len(export(client_root, campaign=campaign_b.pk)) == 1


def test_status_and_download_are_the_requesters_only(
    background, page, campaign, client_a, client_none, client_root
):
    sign_through(page, None, "ana@example.org")
    colleague = organizer("colleague", page, VIEW_SIGNERS)
    export_ = _start_background(client_a, campaign)

    assert client_a.get(_status(export_)).status_code == 200
    assert client_a.get(_download(export_)).status_code == 200
    for other in (colleague, client_none, client_root):
        assert other.get(_status(export_)).status_code == 403
        assert other.get(_download(export_)).status_code == 403


def test_losing_the_permission_loses_the_file(background, page, campaign, client_a):
    sign_through(page, None, "ana@example.org")
    export_ = _start_background(client_a, campaign)

    Group.objects.filter(name="alice group").delete()

    assert client_a.get(_download(export_)).status_code == 403


def test_another_campaigns_export_id_is_403_not_someone_elses_file(
    background, page, page_b, campaign_b, client_root, client_a
):
    sign_through(page_b, None, "bo@example.org")
    export_b = _start_background(client_root, campaign_b)

    response = client_a.get(_download(export_b))

    assert response.status_code == 403
    assert b"bo@example.org" not in response.content


def test_an_unknown_export_is_404(client_a):
    url = reverse("undersign_exports:status", args=[999])

    # Django's locale middleware first redirects a 404 to a language prefix.
    assert client_a.get(url, follow=True).status_code == 404


def test_the_requester_downloads_the_rows(background, page, campaign, client_a):
    sign_through(page, None, "ana@example.org")
    export_ = _start_background(client_a, campaign)

    rows = records(client_a.get(_download(export_)))

    assert [row["email"] for row in rows] == ["ana@example.org"]
