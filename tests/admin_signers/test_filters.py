"""`SignatureFilterSet`: each filter's meaning, and campaigns limited to the user's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from campaigns.admin.signer_filters import SignatureFilterSet, filter_kinds
from campaigns.crypto import email_index
from campaigns.models import Campaign, Signature
from tests.admin_signers.conftest import admin_user


@pytest.fixture
def request_of(db):
    def build(user):
        request = RequestFactory().get("/")
        request.user = user
        return request

    return build


def _emails(filterset: SignatureFilterSet) -> set[str]:
    assert filterset.is_valid(), filterset.errors
    return {row.identity.email for row in filterset.qs}


@pytest.fixture
def signatures(page, partner, sign):
    return {
        "organizer": sign(page, "org@example.org", consents=["organizer"]),
        "partner": sign(
            page,
            "ptn@example.org",
            partner=partner,
            consents=[f"partner:{partner.slug}"],
        ),
        "none": sign(page, "none@example.org", partner=partner),
    }


@pytest.fixture
def as_superuser(request_of, root):
    return request_of(root)


def _filter(request, **data) -> SignatureFilterSet:
    return SignatureFilterSet(data, queryset=Signature.objects.all(), request=request)


@pytest.mark.parametrize(
    ("consent", "expected"),
    [
        ("organizer", {"org@example.org"}),
        ("partner", {"ptn@example.org"}),
        ("none", {"none@example.org"}),
        ("display", set()),
    ],
)
def test_consent_filters_by_the_contact_agreed_to(
    signatures, as_superuser, consent, expected
):
    assert _emails(_filter(as_superuser, consent=consent)) == expected


def test_partner_status_moderation_and_signer_filters(
    signatures, partner, as_superuser
):
    Signature.objects.filter(pk=signatures["none"].pk).update(
        moderation=Signature.Moderation.FLAGGED,
        moderation_reason=Signature.Reason.THROTTLED,
    )

    assert _emails(_filter(as_superuser, partner=partner.pk)) == {
        "ptn@example.org",
        "none@example.org",
    }
    assert _emails(_filter(as_superuser, moderation="flagged")) == {"none@example.org"}
    assert _emails(_filter(as_superuser, moderation_reason="throttled")) == {
        "none@example.org"
    }
    assert _emails(_filter(as_superuser, status="pending")) == set()
    signer = email_index("org@example.org")
    assert _emails(_filter(as_superuser, signer=signer)) == {"org@example.org"}


def test_created_filters_by_inclusive_dates(signatures, as_superuser):
    old = timezone.now() - timedelta(days=10)
    Signature.objects.filter(pk=signatures["organizer"].pk).update(created_at=old)
    today = timezone.localdate().isoformat()
    old_day = timezone.localtime(old).date().isoformat()

    assert _emails(_filter(as_superuser, created_from=today)) == {
        "ptn@example.org",
        "none@example.org",
    }
    assert _emails(_filter(as_superuser, created_to=old_day)) == {"org@example.org"}


def test_a_malformed_date_makes_the_filterset_invalid(signatures, as_superuser):
    filterset = _filter(as_superuser, created_from="yesterday-ish")

    assert not filterset.is_valid()
    assert filter_kinds(filterset) == []


def test_campaign_choices_are_only_those_the_user_may_see(page, page_b, request_of):
    user = admin_user("viewer", page, "view_signers_page")
    campaign_a = Campaign.objects.get(translation_key=page.translation_key)
    campaign_b = Campaign.objects.get(translation_key=page_b.translation_key)

    choices = _filter(request_of(user)).form.fields["campaign"].queryset
    refused = _filter(request_of(user), campaign=campaign_b.pk)

    assert list(choices) == [campaign_a]
    assert not refused.is_valid()


def test_filter_kinds_names_the_filters_used_never_their_values(
    signatures, partner, as_superuser
):
    filterset = _filter(
        as_superuser,
        partner=partner.pk,
        consent="partner",
        signer=email_index("ptn@example.org"),
        created_from="2020-01-01",
    )

    assert filter_kinds(filterset) == ["consent", "created", "partner", "signer"]
