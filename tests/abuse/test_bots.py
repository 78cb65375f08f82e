"""Bot checks: a trap field and a minimum fill time, on every way to sign."""

from __future__ import annotations

import re

import pytest

from campaigns.models import Signature
from campaigns.signing.screening import form_token_issued
from tests.abuse.conftest import old_token
from tests.factories import campaign_page

EMBED = "/embed/stop-the-detentions/"
FRAGMENT = "/api/v1/campaigns/stop-the-detentions/embed/"
ISSUE_URL = "/api/v1/campaigns/stop-the-detentions/form-token/"
TRAP = re.compile(r'<div class="us-hp" aria-hidden="true"><label for="sign-website">')


def _only() -> Signature:
    return Signature.objects.get()


def _rendered_token(html: str) -> str:
    return html.split('name="form_token" value="')[1].split('"')[0]


@pytest.mark.usefixtures("defences")
class TestTheApi:
    def test_a_filled_trap_is_flagged(self, page, api_sign):
        api_sign(
            page,
            email="a@example.org",
            website="https://spam.example",
            form_token=old_token(page),
        )

        assert (_only().moderation, _only().moderation_reason) == (
            "flagged",
            "honeypot",
        )

    def test_a_form_sent_faster_than_a_person_is_flagged(self, page, api_sign):
        api_sign(page, email="a@example.org", form_token=old_token(page, 1))

        assert _only().moderation_reason == "too_fast"

    def test_a_form_sent_after_the_fill_time_counts(self, page, api_sign):
        api_sign(page, email="a@example.org", form_token=old_token(page, 4))

        assert (_only().moderation, _only().moderation_reason) == ("ok", "")

    @pytest.mark.parametrize(
        "token",
        [
            "not-a-token",
            '["stop-the-detentions", 1]',
            "WyJzdG9wLXRoZS1kZXRlbnRpb25zIiwxXQ:1vP7:forged",
        ],
    )
    def test_a_forged_token_is_flagged(self, page, api_sign, token):
        api_sign(page, email="a@example.org", form_token=token)

        assert _only().moderation_reason == "bad_token"

    def test_a_token_of_another_campaign_is_flagged(self, page, api_sign):
        other = campaign_page(slug="other-campaign", title="Other")

        api_sign(page, email="a@example.org", form_token=old_token(other))

        assert _only().moderation_reason == "bad_token"

    def test_an_expired_token_is_flagged(self, page, api_sign, settings):
        settings.UNDERSIGN_FORM_TOKEN_MAX_AGE = 60

        api_sign(page, email="a@example.org", form_token=old_token(page, 61))

        assert _only().moderation_reason == "bad_token"

    def test_without_a_token_a_signing_counts_by_default(self, page, api_sign):
        # Widget 1.0.0 (pinned by partners) and older API clients send none.
        api_sign(page, email="a@example.org")

        assert _only().moderation == "ok"

    def test_without_a_token_a_signing_is_flagged_when_tokens_are_required(
        self, page, api_sign, settings
    ):
        settings.UNDERSIGN_FORM_TOKEN_REQUIRED = True

        api_sign(page, email="a@example.org")

        assert _only().moderation_reason == "bad_token"

    def test_with_the_checks_off_nothing_is_flagged(self, page, api_sign, settings):
        settings.UNDERSIGN_HONEYPOT = False
        settings.UNDERSIGN_MIN_FILL_SECONDS = 0

        api_sign(
            page, email="a@example.org", website="x", form_token=old_token(page, 0)
        )

        assert _only().moderation == "ok"

    def test_a_trap_that_is_not_text_is_a_field_error(self, page, api_sign):
        response = api_sign(page, email="a@example.org", website=1)

        assert response.status_code == 400
        assert "website" in response.json()["errors"]
        assert not Signature.objects.exists()


def test_the_form_token_endpoint_gives_a_fresh_uncached_token(api_client, page):
    response = api_client.get(ISSUE_URL, headers={"Origin": "https://any.example"})

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Access-Control-Allow-Origin"] == "https://any.example"
    body = response.json()
    assert body["expires_in"] == 24 * 60 * 60
    assert form_token_issued(body["form_token"], "stop-the-detentions") is not None
    assert not response.cookies


@pytest.mark.usefixtures("defences")
def test_an_integrator_who_signs_at_once_gets_202_and_is_not_counted(
    api_client, page, api_sign, settings
):
    """The documented trap (docs/embedding.md): the token says how long to wait."""
    body = api_client.get(ISSUE_URL).json()

    response = api_sign(page, email="a@example.org", form_token=body["form_token"])

    assert body["min_fill_seconds"] == settings.UNDERSIGN_MIN_FILL_SECONDS
    assert response.status_code == 202
    assert not Signature.objects.counted().exists()
    assert _only().moderation_reason == "too_fast"


def test_the_form_token_endpoint_answers_404_for_an_unknown_campaign(api_client, db):
    response = api_client.get("/api/v1/campaigns/nothing-here/form-token/")

    assert response.status_code == 404


def test_the_schema_documents_the_token_and_where_to_get_it(api_client, db):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()

    fields = schema["components"]["schemas"]["SignatureIn"]["properties"]
    assert "form-token" in fields["form_token"]["description"]
    assert "website" in fields
    assert "/api/v1/campaigns/{key}/form-token/" in schema["paths"]


@pytest.mark.usefixtures("defences")
class TestTheHostedPage:
    def test_the_form_carries_a_token_and_a_trap_people_never_reach(
        self, client, hosted
    ):
        html = client.get("/en/").content.decode()

        assert TRAP.search(html)
        trap = re.search(r'<input type="text" name="website"[^>]*>', html)[0]
        assert 'tabindex="-1"' in trap
        assert 'autocomplete="off"' in trap
        assert "required" not in trap
        assert form_token_issued(_rendered_token(html), "stop-the-detentions")

    def test_a_form_posted_at_once_is_flagged(self, client, hosted, form_sign):
        token = _rendered_token(client.get("/en/").content.decode())

        form_sign("/en/", email="a@example.org", form_token=token)

        assert _only().moderation_reason == "too_fast"

    def test_a_filled_trap_is_flagged(self, hosted, form_sign):
        form_sign(
            "/en/", email="a@example.org", website="x", form_token=old_token(hosted)
        )

        assert _only().moderation_reason == "honeypot"

    def test_a_person_who_took_their_time_counts(self, hosted, form_sign):
        form_sign("/en/", email="a@example.org", form_token=old_token(hosted))

        assert _only().moderation == "ok"


@pytest.mark.usefixtures("defences")
class TestTheEmbed:
    def test_the_frame_and_the_fragment_carry_the_trap(
        self, client, api_client, hosted
    ):
        frame = client.get(EMBED).content.decode()
        fragment = api_client.get(FRAGMENT).json()["html"]

        assert TRAP.search(frame)
        assert TRAP.search(fragment)
        # The fragment is cached for everyone: its token comes from the endpoint.
        assert 'name="form_token"' not in fragment

    def test_a_frame_posted_at_once_is_flagged(self, client, hosted, form_sign):
        token = _rendered_token(client.get(EMBED).content.decode())

        response = form_sign(EMBED, email="a@example.org", form_token=token)

        assert response.status_code == 302
        assert _only().moderation_reason == "too_fast"

    def test_a_filled_trap_in_the_frame_is_flagged(self, hosted, form_sign):
        form_sign(
            EMBED, email="a@example.org", website="x", form_token=old_token(hosted)
        )

        assert _only().moderation_reason == "honeypot"

    def test_a_person_in_the_frame_who_took_their_time_counts(self, hosted, form_sign):
        form_sign(EMBED, email="a@example.org", form_token=old_token(hosted))

        assert _only().moderation == "ok"
