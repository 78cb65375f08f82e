"""Public reads are cacheable by a CDN and revalidate by ETag."""

from __future__ import annotations

import pytest

READS = [
    "/api/v1/campaigns/",
    "/api/v1/campaigns/{key}/",
    "/api/v1/campaigns/{key}/stats/",
]


@pytest.mark.parametrize("path", READS)
def test_reads_carry_an_etag_and_a_matching_one_gets_304(api_client, page, path):
    url = path.format(key=page.slug)
    first = api_client.get(url)

    again = api_client.get(url, headers={"If-None-Match": first["ETag"]})

    assert first.status_code == 200
    assert first["ETag"]
    assert again.status_code == 304
    assert again.content == b""


def test_a_stale_etag_gets_the_full_reply(api_client, page):
    response = api_client.get(
        f"/api/v1/campaigns/{page.slug}/", headers={"If-None-Match": '"stale"'}
    )

    assert response.status_code == 200


def test_etag_changes_when_the_campaign_changes(api_client, page):
    url = f"/api/v1/campaigns/{page.slug}/"
    before = api_client.get(url)["ETag"]
    page.target = "Governor of New York"
    page.save_revision().publish()

    assert api_client.get(url, headers={"If-None-Match": before}).status_code == 200


def test_campaign_reads_are_public_for_five_seconds(api_client, page, settings):
    settings.UNDERSIGN_COUNT_STALENESS = 5

    response = api_client.get(f"/api/v1/campaigns/{page.slug}/")

    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=5", "stale-while-revalidate=5"}
    assert "Accept-Language" in response["Vary"]


def test_stats_are_never_cached_longer_than_the_count_may_lag(
    api_client, page, settings
):
    settings.UNDERSIGN_COUNT_STALENESS = 3

    response = api_client.get(f"/api/v1/campaigns/{page.slug}/stats/")

    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"max-age=3", "stale-while-revalidate=3"} <= directives


def test_errors_are_not_publicly_cached(api_client, db):
    response = api_client.get("/api/v1/campaigns/nope/")

    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
