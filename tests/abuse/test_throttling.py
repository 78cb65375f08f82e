"""Throttling: over a limit a signing is stored flagged, uncounted, and told nothing."""

from __future__ import annotations

import time

import pytest
from django.core.exceptions import ImproperlyConfigured

from campaigns.models import Delivery, Signature
from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from campaigns.throttling import Rate, over_limit, parse_rate
from tests.abuse.conftest import rates
from tests.factories import campaign_page

RECEIVED = {"status": "received", "confirmation_required": False}


def _counted(page) -> int:
    return Signature.objects.filter(campaign=campaign_identity(page)).counted().count()


def test_a_client_over_its_burst_limit_is_flagged_not_refused(settings, page, api_sign):
    rates(settings, client_burst="2/minute")

    replies = [api_sign(page, email=f"s{n}@example.org") for n in range(4)]

    assert [r.status_code for r in replies] == [202] * 4
    assert all(r.json() == RECEIVED for r in replies)
    assert _counted(page) == 2
    flagged = Signature.objects.filter(moderation=Signature.Moderation.FLAGGED)
    assert flagged.count() == 2
    assert set(flagged.values_list("moderation_reason", flat=True)) == {"throttled"}


def test_the_sustained_limit_applies_when_the_burst_one_does_not(
    settings, page, api_sign
):
    rates(settings, client_burst="100/minute", client_sustained="3/day")

    for n in range(5):
        assert api_sign(page, email=f"s{n}@example.org").status_code == 202

    assert _counted(page) == 3


def test_other_clients_are_not_held_back_by_one_client(settings, page, api_sign):
    rates(settings, client_burst="1/minute")
    api_sign(page, email="a@example.org", ip="198.51.100.1")
    api_sign(page, email="b@example.org", ip="198.51.100.1")

    api_sign(page, email="c@example.org", ip="198.51.100.2")

    assert _counted(page) == 2
    flagged = Signature.objects.get(moderation=Signature.Moderation.FLAGGED)
    assert flagged.identity.email == "b@example.org"


def test_a_spoofed_forwarded_for_does_not_escape_the_client_limit(
    settings, page, api_client
):
    rates(settings, client_burst="1/minute")
    for n in range(3):
        api_client.post(
            f"/api/v1/campaigns/{page.slug}/signatures/",
            {"email": f"s{n}@example.org", "first_name": "A", "last_name": "B"},
            format="json",
            REMOTE_ADDR="198.51.100.1",
            HTTP_X_FORWARDED_FOR=f"10.9.9.{n}",
        )

    assert _counted(page) == 1


def test_the_campaign_limit_holds_back_signings_from_every_client(
    settings, page, api_sign
):
    rates(settings, campaign_burst="2/minute", campaign_sustained="10/hour")
    for n in range(4):
        api_sign(page, email=f"s{n}@example.org", ip=f"198.51.100.{n}")

    assert _counted(page) == 2


def test_the_campaign_limit_is_per_campaign(settings, page, api_sign):
    other = campaign_page(slug="other-campaign", title="Other")
    rates(settings, campaign_burst="1/minute")

    api_sign(page, email="a@example.org", ip="198.51.100.1")
    api_sign(other, email="b@example.org", ip="198.51.100.2")

    assert (_counted(page), _counted(other)) == (1, 1)


def test_a_flagged_signing_mails_no_one_and_reaches_no_partner(
    settings, page, api_sign
):
    rates(settings, client_burst="1/minute")
    api_sign(page, email="a@example.org")
    sent_before = Delivery.objects.count()

    api_sign(page, email="b@example.org")
    api_sign(page, email="a@example.org")  # a throttled repeat: no "already signed"

    assert Delivery.objects.count() == sent_before == 1


def test_a_retried_request_costs_no_budget(settings, page, api_sign, api_client):
    rates(settings, client_burst="1/minute")
    body = {"email": "a@example.org", "first_name": "A", "last_name": "B"}
    url = f"/api/v1/campaigns/{page.slug}/signatures/"
    for _attempt in range(3):
        response = api_client.post(
            url, body, format="json", headers={"Idempotency-Key": "k1"}
        )
        assert response.status_code == 202

    assert _counted(page) == 1
    assert not Signature.objects.filter(moderation="flagged").exists()


def test_a_retry_gives_back_the_budget_it_was_counted(
    settings, page, api_sign, api_client
):
    rates(settings, client_burst="2/minute")
    body = {"email": "a@example.org", "first_name": "A", "last_name": "B"}
    url = f"/api/v1/campaigns/{page.slug}/signatures/"
    for _attempt in range(3):
        api_client.post(url, body, format="json", headers={"Idempotency-Key": "k1"})

    api_sign(page, email="b@example.org")  # the client's second signing

    assert _counted(page) == 2
    assert not Signature.objects.filter(moderation="flagged").exists()


def test_an_invalid_signing_gets_its_errors_even_when_over_the_limit(
    settings, page, api_sign
):
    rates(settings, client_burst="1/minute")
    api_sign(page, email="a@example.org")

    response = api_sign(page, email="not-an-address")

    assert response.status_code == 400
    assert "email" in response.json()["errors"]


def test_the_hosted_form_is_throttled_too(settings, hosted, form_sign):
    rates(settings, client_burst="1/minute")

    first = form_sign("/en/", email="a@example.org")
    second = form_sign("/en/", email="b@example.org")

    assert (first.status_code, second.status_code) == (302, 302)
    assert first["Location"] == second["Location"]
    assert signature_count(campaign_identity(hosted)) == 1


def test_limits_without_any_rate_count_nothing(settings, page):
    rates(settings)

    assert not any(over_limit(1, "client") for _ in range(1000))


def test_a_window_closes_after_its_period(settings, db):
    rates(settings, client_burst="2/second", campaign_burst="3/second")
    assert [over_limit(1, "client") for _ in range(3)] == [False, False, True]
    assert over_limit(1, "another-client")

    time.sleep(1.1)

    assert not over_limit(1, "client")


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("10/minute", Rate(10, 60)),
        ("5/second", Rate(5, 1)),
        ("3/hours", Rate(3, 3600)),
        ("100/Day", Rate(100, 86400)),
    ],
)
def test_rates_are_read_like_drf(text, rate):
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["10", "ten/minute", "10/fortnight", "/minute", ""])
def test_a_bad_rate_stops_with_a_clear_message(text):
    with pytest.raises(ImproperlyConfigured, match="UNDERSIGN_THROTTLE_RATES"):
        parse_rate(text)


def test_an_unknown_limit_name_stops_with_a_clear_message(settings, db):
    settings.UNDERSIGN_THROTTLE_RATES = {"client_bursts": "1/minute"}

    with pytest.raises(ImproperlyConfigured, match="client_bursts"):
        over_limit(1, "client")


def test_500_rapid_signings_from_one_client_all_succeed_and_few_count(
    settings, page, api_sign
):
    rates(settings, client_sustained="25/hour")

    replies = [api_sign(page, email=f"bot{n}@example.org") for n in range(500)]

    assert {r.status_code for r in replies} == {202}
    assert {r.content for r in replies} == {replies[0].content}
    assert _counted(page) == 25
    assert Signature.objects.filter(moderation_reason="throttled").count() == 475
