"""Bulk moderation: preview, then one UPDATE of exactly the matching signatures;
the count drops; every action audited without identifiers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from campaigns.admin import audit
from campaigns.deliveries.outbox import EMAIL_THANKS
from campaigns.models import Campaign, Delivery, Signature
from campaigns.signing import SignatureInput, signature_create

URL = "/admin/undersign/signatures/moderate/"
KEY = "ab" * 32


def _campaign(page) -> Campaign:
    return Campaign.objects.get(translation_key=page.translation_key)


def _moderate(client, page, **criteria):
    """Preview, then confirm with the preview's token; return both responses."""
    data = {"action": "invalidate", "campaign": _campaign(page).pk, **criteria}
    preview = client.post(URL, data)
    token = preview.context.get("token", "") if preview.context else ""
    confirm = client.post(URL, {**data, "token": token, "confirm": "1"})
    return preview, confirm


def _invalidated() -> set[str]:
    rows = Signature.objects.filter(moderation=Signature.Moderation.INVALIDATED)
    return {row.identity.email for row in rows}


@pytest.fixture
def signed(page, partner, sign):
    """Five signatures on A, each matching exactly one criterion below."""
    rows = {
        "domain": sign(page, "a@spam.test"),
        "postal": sign(page, "b@example.org", postal_code="11201"),
        "partner": sign(page, "c@example.org", partner=partner),
        "source": sign(page, "d@example.org", source={"utm_source": "botnet"}),
        "client": sign(page, "e@example.org", client_key=KEY),
    }
    Signature.objects.filter(pk=rows["client"].pk).update(
        moderation=Signature.Moderation.FLAGGED,
        moderation_reason=Signature.Reason.THROTTLED,
    )
    old = timezone.now() - timedelta(days=3)
    Signature.objects.filter(pk=rows["domain"].pk).update(created_at=old)
    return rows


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"email_domain": "@SPAM.test"}, {"a@spam.test"}),
        ({"postal_code": "11201"}, {"b@example.org"}),
        ({"partner": "partner"}, {"c@example.org"}),
        ({"source": "botnet"}, {"d@example.org"}),
        ({"source": "make-the-road"}, {"c@example.org"}),  # its partner key
        ({"client_key": KEY}, {"e@example.org"}),
        ({"reason": "throttled"}, {"e@example.org"}),
        ({"created_to": "time:old"}, {"a@spam.test"}),
    ],
)
def test_each_criterion_invalidates_only_the_matching_rows(
    page, partner, signed, moderator, api_client, criteria, expected
):
    if criteria.get("partner"):
        criteria = {"partner": partner.pk}
    if criteria.get("created_to"):
        when = timezone.localtime() - timedelta(days=1)
        criteria = {"created_to": when.strftime("%Y-%m-%d %H:%M")}
    stats = f"/api/v1/campaigns/{_campaign(page).public_key}/stats/"
    before = api_client.get(stats).json()["count"]

    preview, confirm = _moderate(moderator, page, **criteria)

    assert preview.context["matches"] == len(expected)
    assert confirm.status_code == 302
    assert _invalidated() == expected
    assert set(
        Signature.objects.filter(
            moderation=Signature.Moderation.INVALIDATED
        ).values_list("moderation_reason", flat=True)
    ) == {Signature.Reason.MODERATOR}
    counted_before = 4  # the flagged one never counted
    assert before == counted_before
    assert api_client.get(stats).json()["count"] == counted_before - len(
        expected - {"e@example.org"}
    )


def test_moderation_is_audited_with_kinds_and_rows_but_no_identifying_values(
    page, signed, moderator
):
    _moderate(moderator, page, email_domain="spam.test", client_key=KEY)
    _moderate(moderator, page, postal_code="11201")

    entries = ModelLogEntry.objects.filter(action=audit.SIGNERS_INVALIDATED)
    data = [entry.data for entry in entries.order_by("pk")]
    assert data == [
        {
            "campaign": _campaign(page).public_key,
            "criteria": ["email_domain", "client_key"],
            "rows": 0,
        },
        {
            "campaign": _campaign(page).public_key,
            "criteria": ["postal_code"],
            "rows": 1,
        },
    ]
    logged = str(data)
    assert "spam.test" not in logged
    assert KEY not in logged
    assert "11201" not in logged


def test_restore_returns_flagged_and_invalidated_rows_to_ok(page, signed, moderator):
    _moderate(moderator, page, postal_code="11201")

    _moderate(moderator, page, action="restore", postal_code="11201")
    _moderate(moderator, page, action="restore", reason="throttled")

    assert not Signature.objects.exclude(moderation=Signature.Moderation.OK).exists()
    assert not Signature.objects.exclude(moderation_reason="").exists()
    [entry] = ModelLogEntry.objects.filter(
        action=audit.SIGNERS_RESTORED, data__reason="throttled"
    )
    assert entry.data["rows"] == 1


def test_restoring_a_held_signing_sends_what_it_held_back_once(page, moderator, sign):
    signature_create(
        page=page,
        data=SignatureInput(
            email="held@example.org", first_name="Ana", last_name="Díaz"
        ),
        suspicion=Signature.Reason.HONEYPOT,
    )
    signature = Signature.objects.get(moderation_reason=Signature.Reason.HONEYPOT)
    kept = sign(page, "kept@example.org")
    Signature.objects.filter(pk=kept.pk).update(
        moderation=Signature.Moderation.INVALIDATED,
        moderation_reason=Signature.Reason.MODERATOR,
    )
    assert not Delivery.objects.filter(signature=signature).exists()

    _moderate(moderator, page, action="restore", reason="honeypot")
    _moderate(moderator, page, action="restore", reason="moderator")

    assert list(
        Delivery.objects.filter(signature=signature).values_list("kind", flat=True)
    ) == [EMAIL_THANKS]
    assert Delivery.objects.filter(signature=kept, kind=EMAIL_THANKS).count() == 1


def test_no_criterion_is_refused_and_changes_nothing(page, signed, moderator):
    preview, confirm = _moderate(moderator, page)

    assert "Choose at least one criterion" in preview.content.decode()
    assert confirm.status_code == 200
    assert _invalidated() == set()
    assert not ModelLogEntry.objects.filter(action=audit.SIGNERS_INVALIDATED).exists()


def test_a_range_that_ends_before_it_starts_is_an_error(page, signed, moderator):
    preview, _confirm = _moderate(
        moderator, page, created_from="2030-01-02 00:00", created_to="2030-01-01 00:00"
    )

    assert "ends before it starts" in preview.content.decode()
    assert _invalidated() == set()


def test_a_malformed_client_key_is_an_error(page, signed, moderator):
    preview, _confirm = _moderate(moderator, page, client_key="not-a-hash")

    assert preview.context["form"].errors["client_key"]
    assert _invalidated() == set()


def test_confirming_other_criteria_than_previewed_changes_nothing(
    page, signed, moderator
):
    data = {"action": "invalidate", "campaign": _campaign(page).pk}
    preview = moderator.post(URL, {**data, "postal_code": "11201"})
    token = preview.context["token"]

    moderator.post(
        URL, {**data, "email_domain": "example.org", "token": token, "confirm": "1"}
    )

    assert _invalidated() == set()


def test_a_moderator_of_a_gets_403_for_b_and_a_viewer_403_for_all(
    page, page_b, sign, moderator, viewer
):
    sign(page_b, "b@spam.test")
    data = {"action": "invalidate", "campaign": _campaign(page_b).pk}

    assert moderator.post(URL, {**data, "email_domain": "spam.test"}).status_code == 403
    assert moderator.post(URL, {**data, "campaign": "x"}).status_code == 403
    assert viewer.get(URL).status_code == 403
    assert viewer.post(URL, {**data, "campaign": _campaign(page).pk}).status_code == 403
    assert _invalidated() == set()
