"""The petition PDF for the target: counts by default, names only when promised."""

from __future__ import annotations

import sys

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from campaigns.delivery_pdf.selectors import MIN_POSTAL_CODE_COUNT
from campaigns.models import Campaign
from tests.dashboard.people import SIGNER_VIEWER, admin_user, client_for
from tests.dashboard.signatures import signed
from tests.delivery_pdf.conftest import pdf_fonts, pdf_text
from tests.partners.signers import sign_through

NAMES = [("王", "秀英"), ("فاطمة", "الزهراء"), ("Ana", "Díaz")]


@pytest.fixture
def signers(promised) -> None:
    for index, (first, last) in enumerate(NAMES):
        sign_through(
            promised, None, f"s{index}@example.org", first_name=first, last_name=last
        )


def test_the_pdf_has_the_title_letter_demands_and_total(
    viewer, promised, download, signers
):
    Campaign.objects.filter(translation_key=promised.translation_key).update(
        count_offset=1000
    )

    text = pdf_text(download(viewer, promised))

    assert "Close the camps" in text
    assert "Dear Mayor" in text
    assert "End all contracts with ICE" in text
    assert "1003 people signed this petition." in text


def test_by_default_the_pdf_names_no_signer(viewer, promised, download, signers):
    text = pdf_text(download(viewer, promised))

    for first, last in NAMES:
        assert first not in text
        assert last not in text


def test_names_in_any_script_when_chosen_and_promised(
    viewer, promised, download, signers
):
    reader = download(viewer, promised, include_names="1")

    text = pdf_text(reader)
    fonts = " ".join(pdf_fonts(reader))
    assert "王 秀英" in text
    assert "فاطمة" in text
    assert "Ana Díaz" in text
    assert "Noto-Sans-CJK" in fonts
    assert "Arabic" in fonts


def test_a_name_is_text_never_markup(viewer, promised, download):
    sign_through(promised, None, "b@example.org", first_name="<b>x</b>", last_name="Y")

    text = pdf_text(download(viewer, promised, include_names="1"))

    assert "<b>x</b> Y" in text


def test_names_are_refused_when_signers_were_not_told(client, page, download):
    viewer = client_for(admin_user("viewer", page, SIGNER_VIEWER))
    sign_through(page, None, "a@example.org", first_name="Zelda")
    url = reverse("undersign_delivery_pdf", args=[page.pk])

    offered = viewer.get(url).content.decode()
    refused = viewer.post(url, {"include_names": "1"})

    assert 'name="include_names"' not in offered
    assert refused.status_code == 403
    assert "Zelda" not in pdf_text(download(viewer, page))


def test_names_need_the_right_to_see_signers(editor, promised, download, signers):
    url = reverse("undersign_delivery_pdf", args=[promised.pk])

    offered = editor.get(url).content.decode()
    refused = editor.post(url, {"include_names": "1"})

    assert 'name="include_names"' not in offered
    assert refused.status_code == 403
    assert "Ana" not in pdf_text(download(editor, promised))


def test_signers_from_before_the_promise_are_counted_not_named(page, download):
    sign_through(page, None, "early@example.org", first_name="Early")
    page.names_to_target = True
    page.save_revision().publish()
    sign_through(page, None, "late@example.org", first_name="Late")
    viewer = client_for(admin_user("viewer", page, SIGNER_VIEWER))

    text = pdf_text(download(viewer, page, include_names="1"))

    assert "Late Díaz" in text
    assert "Early" not in text
    assert "2 people signed this petition." in text


def test_a_promise_withdrawn_since_allows_no_names(viewer, promised):
    promised.names_to_target = False
    promised.save_revision().publish()

    response = viewer.post(
        reverse("undersign_delivery_pdf", args=[promised.pk]), {"include_names": "1"}
    )

    assert response.status_code == 403


def test_small_postal_codes_are_counted_together(viewer, promised, download):
    for _ in range(MIN_POSTAL_CODE_COUNT):
        signed(promised, postal_code="10001")
    signed(promised, postal_code="11211")
    signed(promised, postal_code="")

    text = pdf_text(download(viewer, promised))

    lines = text.splitlines()
    assert f"10001 {MIN_POSTAL_CODE_COUNT}" in lines
    assert "Other postal codes (fewer than five signers each) 1" in lines
    assert "No postal code given 1" in lines
    assert "11211" not in text


def test_only_counted_signatures_are_in_the_pdf(viewer, promised, download):
    signed(promised)
    signed(promised, is_test=True)
    signed(promised, status="pending", confirmed_at=None)

    text = pdf_text(download(viewer, promised, include_names="1"))

    assert "1 person signed this petition." in text
    assert text.count("Ana Díaz") == 1


def test_the_letter_passes_through_the_sanitizer(viewer, promised, download):
    promised.letter = "<p>Dear Mayor,</p><script>stealCookies()</script>"
    promised.save_revision().publish()

    text = pdf_text(download(viewer, promised))

    assert "stealCookies" not in text


def test_making_the_pdf_is_audited_by_kind_without_names(
    viewer, promised, download, signers
):
    download(viewer, promised)
    download(viewer, promised, include_names="1")

    entries = PageLogEntry.objects.filter(
        page=promised, action="undersign.campaign.delivery_pdf"
    ).order_by("pk")

    assert [entry.data for entry in entries] == [{"kind": "counts"}, {"kind": "names"}]
    assert all(entry.user.username == "viewer" for entry in entries)


def test_the_pdf_is_not_cached(viewer, promised):
    response = viewer.post(reverse("undersign_delivery_pdf", args=[promised.pk]))

    assert "no-store" in response["Cache-Control"]
    assert response["Content-Disposition"].startswith("attachment;")


def test_nobody_else_gets_a_pdf(promised):
    nobody = client_for(admin_user("nobody"))

    response = nobody.post(reverse("undersign_delivery_pdf", args=[promised.pk]))

    assert response.status_code == 403


def test_without_weasyprint_the_organizer_is_told_what_to_install(
    viewer, promised, monkeypatch
):
    # An installation without the `pdf` extra: importing WeasyPrint fails.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    url = reverse("undersign_delivery_pdf", args=[promised.pk])

    offered = viewer.get(url)
    asked = viewer.post(url, {})

    assert "pip install &quot;undersign[pdf]&quot;" in offered.content.decode()
    assert asked.status_code == 503
    assert asked["Content-Type"].startswith("text/html")
    assert "cannot be made on this server" in asked.content.decode()
