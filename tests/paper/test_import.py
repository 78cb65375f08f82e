"""Paper signatures: good rows counted with a paper consent, bad rows reported."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from campaigns.admin import audit
from campaigns.models import (
    CampaignQuestion,
    ConsentVersion,
    Delivery,
    Signature,
    SignatureConsent,
)
from campaigns.selectors import signature_count
from tests.exports.users import EDIT_PAGE, VIEW_SIGNERS, organizer
from tests.paper.conftest import paper_url
from tests.partners.signers import sign_through

GOOD = (
    "email,first_name,last_name,postal_code\nana@example.org,Ana,Díaz,10001\n,Bo,Li,\n"
)


def _refusals(response) -> list[tuple[int, str, str]]:
    return [(r.row, r.field, r.reason) for r in response.context["report"].refused]


def test_good_rows_are_counted_as_confirmed_paper_signatures(
    page, campaign, check, confirm
):
    checked = check(GOOD)
    assert checked.status_code == 200
    assert len(checked.context["report"].good) == 2

    response = confirm(checked)

    assert response.status_code == 302
    signatures = Signature.objects.filter(campaign=campaign)
    assert signatures.count() == 2
    assert {s.status for s in signatures} == {Signature.Status.CONFIRMED}
    assert {s.source["channel"] for s in signatures} == {"paper"}
    assert signature_count(campaign) == 2
    ana = signatures.get(email_domain="example.org")
    assert ana.identity.first_name == "Ana"
    assert ana.postal_code == "10001"


def test_each_import_records_the_paper_consent_and_sends_nothing(
    page, campaign, check, confirm
):
    confirm(check(GOOD))

    consents = SignatureConsent.objects.filter(signature__campaign=campaign)
    assert consents.count() == 2
    assert {c.version.kind for c in consents} == {ConsentVersion.Kind.PAPER}
    assert {c.version.text for c in consents} == {"I sign this petition on paper."}
    assert not Delivery.objects.exists()
    assert mail.outbox == []


def test_a_row_without_email_has_no_blind_index(page, campaign, check, confirm):
    confirm(check(GOOD))

    bo = Signature.objects.get(campaign=campaign, email_domain="")
    assert bo.email_index == ""
    assert bo.identity.email == ""


def test_bad_rows_are_reported_with_row_column_and_reason(page, campaign, check):
    text = (
        "email,first_name,last_name,postal_code\n"
        "ana@example.org,Ana,Díaz,10001\n"
        "not-an-email,Bo,Li,\n"
        "cy@example.org,,Chen,\n"
        "di@example.org,Di,Park,!!!\n"
    )

    response = check(text)

    assert [row for row, _clean in response.context["report"].good] == [2]
    refused = _refusals(response)
    assert [(row, field) for row, field, _reason in refused] == [
        (3, "email"),
        (4, "first_name"),
        (5, "postal_code"),
    ]
    assert refused[1][2] == "This field is required."
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert not Signature.objects.exists()


def test_confirming_imports_exactly_the_good_rows(page, campaign, check, confirm):
    text = "email,first_name,last_name\nana@example.org,Ana,Díaz\nbad,Bo,Li\n"

    confirm(check(text))

    [signature] = Signature.objects.filter(campaign=campaign)
    assert signature.identity.email == "ana@example.org"


def test_duplicates_in_the_file_and_with_existing_signers_are_refused(
    page, campaign, check, confirm
):
    sign_through(page, None, "old@example.org")
    text = (
        "email,first_name,last_name\n"
        "ana@example.org,Ana,Díaz\n"
        "ANA@example.org ,Ana,Díaz\n"
        "old@example.org,Old,Signer\n"
    )

    checked = check(text)
    confirm(checked)

    refused = _refusals(checked)
    assert refused == [
        (3, "email", "This email is also on row 2."),
        (4, "email", "This email has already signed this petition."),
    ]
    assert Signature.objects.filter(campaign=campaign).count() == 2


def test_rows_without_email_are_never_duplicates(page, campaign, check, confirm):
    text = "first_name,last_name\nAna,Díaz\nAna,Díaz\n"

    confirm(check(text))

    assert Signature.objects.filter(campaign=campaign).count() == 2


def test_answers_are_checked_with_the_forms_rules(page, campaign, check, confirm):
    CampaignQuestion.objects.create(
        page=page, key="member", label="Member?", kind="checkbox", required=True
    )
    text = (
        "first_name,last_name,answer:member\nAna,Díaz,yes\nBo,Li,no\nCy,Chen,perhaps\n"
    )

    checked = check(text)
    confirm(checked)

    assert [(r, f) for r, f, _reason in _refusals(checked)] == [
        (3, "answer:member"),
        (4, "answer:member"),
    ]
    [signature] = Signature.objects.filter(campaign=campaign)
    assert signature.identity.answers == {"member": True}


def test_a_failure_mid_import_leaves_nothing_behind(
    monkeypatch, page, campaign, check, confirm
):
    checked = check(GOOD)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(SignatureConsent.objects, "bulk_create", explode)

    with pytest.raises(RuntimeError):
        confirm(checked)

    assert not Signature.objects.filter(campaign=campaign).exists()
    assert not ConsentVersion.objects.filter(kind=ConsentVersion.Kind.PAPER).exists()


def test_a_signer_arriving_between_check_and_confirm_changes_nothing_silently(
    page, campaign, check, confirm
):
    checked = check(GOOD)
    sign_through(page, None, "ana@example.org")

    response = confirm(checked)

    assert response.status_code == 200
    assert len(response.context["report"].good) == 1
    assert Signature.objects.filter(campaign=campaign).count() == 1


def test_a_forged_check_is_refused(page, campaign, check, paper_client):
    checked = check(GOOD)
    initial = dict(checked.context["confirm"].initial)
    initial["sealed"] = initial["sealed"][:-4] + "AAAA"

    response = paper_client.post(paper_url(page), {"action": "confirm", **initial})

    assert response.status_code == 302
    assert not Signature.objects.exists()


def test_another_users_check_is_refused(page, campaign, check, confirm):
    colleague = organizer("colleague", page, EDIT_PAGE, VIEW_SIGNERS)
    checked = check(GOOD)

    response = confirm(checked, client=colleague)

    assert response.status_code == 302
    assert not Signature.objects.exists()


def test_the_import_is_audited_with_counts_only(page, campaign, check, confirm):
    confirm(check(GOOD + "bad,Cy,Chen,\n"))

    [entry] = ModelLogEntry.objects.filter(
        object_id=str(campaign.pk), action=audit.PAPER_IMPORTED
    )
    assert entry.data == {"imported": 2, "refused_rows": 1}
