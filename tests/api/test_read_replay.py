"""Repeated public reads are replayed from the web process, exactly as first sent."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from campaigns.api import read_replay
from tests.api.conftest import VALID

WINDOW = 6  # UNDERSIGN_COUNT_STALENESS: each of the three layers keeps 2 s
PARTNER = "https://partner.example"
FOREIGN = "https://elsewhere.example"


class Clock:
    """`time.time` under the test's control: caches expire when it says so."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(settings, monkeypatch) -> Iterator[Clock]:
    settings.UNDERSIGN_COUNT_STALENESS = WINDOW
    read_replay.forget_replays()
    clock = Clock()
    monkeypatch.setattr(time, "time", clock)
    yield clock
    read_replay.forget_replays()


def stats(api_client, page, **headers):
    return api_client.get(f"/api/v1/campaigns/{page.slug}/stats/", headers=headers)


def without_age(response) -> dict[str, str]:
    return {name: value for name, value in response.items() if name != "Age"}


def test_a_repeated_read_is_the_first_reply_again_from_memory(
    api_client, page, clock, django_assert_num_queries
):
    first = stats(api_client, page, Origin=PARTNER)
    clock.now += 1

    with django_assert_num_queries(0):
        again = stats(api_client, page, Origin=PARTNER)

    assert "Age" not in first
    assert again["Age"] == "1"
    assert again.content == first.content
    assert without_age(again) == without_age(first)


def test_a_signing_reaches_a_replayed_read_within_the_staleness_window(
    api_client, page, clock, sign
):
    assert stats(api_client, page).json()["count"] == 0
    assert sign(page.slug, VALID).status_code == 202
    clock.now += 1
    assert stats(api_client, page).json()["count"] == 0

    clock.now += WINDOW

    assert stats(api_client, page).json()["count"] == 1


def test_a_reply_to_one_origin_is_never_replayed_to_another(api_client, page, clock):
    stats(api_client, page, Origin=PARTNER)

    other = stats(api_client, page, Origin=FOREIGN)
    same = stats(api_client, page, Origin=PARTNER)

    assert other["Access-Control-Allow-Origin"] == FOREIGN
    assert same["Access-Control-Allow-Origin"] == PARTNER
    assert "Age" in same


def test_each_language_gets_its_own_reply(api_client, page, spanish_page, clock):
    url = f"/api/v1/campaigns/{page.slug}/"
    english = api_client.get(url, headers={"Accept-Language": "en"})

    spanish = api_client.get(url, headers={"Accept-Language": "es"})

    assert english.json()["title"] != spanish.json()["title"]
    assert spanish.json()["title"] == "Paren las detenciones"
    assert spanish["Content-Language"] == "es"


def test_a_replayed_304_carries_the_headers_the_stacks_own_304_does(
    api_client, page, clock, settings
):
    headers = {"Origin": PARTNER}
    etag = stats(api_client, page, **headers)["ETag"]
    replayed = stats(api_client, page, **headers, **{"If-None-Match": etag})
    read_replay.forget_replays()

    from_stack = stats(api_client, page, **headers, **{"If-None-Match": etag})

    assert replayed.status_code == from_stack.status_code == 304
    assert replayed.content == b""
    # The CORS, caching and policy headers alike (the length is the server's).
    expected = {k: v for k, v in from_stack.items() if k != "Content-Length"}
    assert expected.items() <= without_age(replayed).items()
    assert replayed["Access-Control-Allow-Origin"] == PARTNER


@pytest.mark.parametrize(
    "headers",
    [{"Cookie": "sessionid=abc"}, {"Authorization": "Bearer token"}],
    ids=["cookie", "authorization"],
)
def test_reads_with_cookies_or_credentials_run_the_whole_stack(
    api_client, page, clock, headers
):
    stats(api_client, page, **headers)

    again = stats(api_client, page, **headers)

    assert "Age" not in again


def test_form_tokens_are_never_replayed(api_client, page, clock):
    url = f"/api/v1/campaigns/{page.slug}/form-token/"
    first = api_client.get(url).json()
    clock.now += 1

    second = api_client.get(url)

    assert "Age" not in second
    assert second.json()["form_token"] != first["form_token"]


def test_errors_are_not_replayed(api_client, db, clock):
    api_client.get("/api/v1/campaigns/nope/")

    again = api_client.get("/api/v1/campaigns/nope/")

    assert again.status_code == 404
    assert "Age" not in again


def test_nothing_is_replayed_when_the_count_may_not_lag(
    api_client, page, clock, settings, sign
):
    settings.UNDERSIGN_COUNT_STALENESS = 0
    stats(api_client, page)
    sign(page.slug, VALID)

    assert stats(api_client, page).json()["count"] == 1


def test_memory_stays_bounded_however_many_urls_are_asked(
    api_client, page, clock, monkeypatch
):
    monkeypatch.setattr(read_replay._replays, "_max_entries", 20)

    for n in range(100):
        stats(api_client, page, Origin=f"https://site{n}.example")

    assert len(read_replay._replays._cache) <= 20
