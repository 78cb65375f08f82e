"""Every signer-data URL: campaign A's viewer sees A, gets 403 for B; others 403."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from campaigns.models import Campaign

ADMIN = "/admin/undersign/signatures/"


def _campaign(page) -> Campaign:
    return Campaign.objects.get(translation_key=page.translation_key)


def _object_urls(signature) -> list[str]:
    return [
        f"{ADMIN}inspect/{signature.pk}/",
        f"{ADMIN}history/{signature.pk}/",
        f"{ADMIN}history-results/{signature.pk}/",
        f"{ADMIN}usage/{signature.pk}/",
    ]


def _listing_urls(page) -> list[str]:
    campaign = _campaign(page).pk
    return [
        f"{ADMIN}?campaign={campaign}",
        f"{ADMIN}results/?campaign={campaign}",
    ]


@pytest.fixture
def signed(page, page_b, sign):
    return sign(page, "alma@example.org"), sign(page_b, "bruno@example.net")


def test_a_viewer_of_a_lists_only_a_signers(page, page_b, signed, viewer):
    for url in [ADMIN, f"{ADMIN}results/", *_listing_urls(page)]:
        response = viewer.get(url)

        html = response.content.decode()
        assert response.status_code == 200, url
        assert "alma@example.org" in html
        assert "bruno@example.net" not in html


def test_a_viewer_of_a_reaches_a_signature_views(page, signed, viewer):
    signature_a, _signature_b = signed

    for url in _object_urls(signature_a):
        assert viewer.get(url).status_code == 200, url


def test_a_viewer_of_a_gets_403_for_b(page_b, signed, viewer):
    _signature_a, signature_b = signed

    for url in [*_listing_urls(page_b), *_object_urls(signature_b)]:
        response = viewer.get(url)

        assert response.status_code == 403, url
        assert "bruno@example.net" not in response.content.decode()


def test_a_campaign_that_is_not_a_number_is_refused(signed, viewer):
    assert viewer.get(f"{ADMIN}?campaign=abc").status_code == 403


def test_an_editor_without_the_permission_gets_403_everywhere(
    page, page_b, signed, editor
):
    signature_a, signature_b = signed
    urls = [
        ADMIN,
        f"{ADMIN}results/",
        f"{ADMIN}moderate/",
        *_listing_urls(page),
        *_listing_urls(page_b),
        *_object_urls(signature_a),
        *_object_urls(signature_b),
    ]

    for url in urls:
        assert editor.get(url).status_code == 403, url
    search = editor.post(f"{ADMIN}search/", {"email": "alma@example.org"})
    assert search.status_code == 403
    assert ADMIN not in editor.get("/admin/").content.decode()


def test_a_superuser_reaches_every_campaign(page, page_b, signed, superuser):
    signature_a, signature_b = signed
    urls = [
        ADMIN,
        f"{ADMIN}moderate/",
        *_listing_urls(page),
        *_listing_urls(page_b),
        *_object_urls(signature_a),
        *_object_urls(signature_b),
    ]

    for url in urls:
        assert superuser.get(url).status_code == 200, url


def test_the_menu_shows_signatures_to_a_viewer(signed, viewer):
    assert ADMIN in viewer.get("/admin/").content.decode()


def test_signatures_cannot_be_added_edited_or_deleted(signed, superuser):
    signature_a, _signature_b = signed

    for name, args in [("add", []), ("edit", [1]), ("delete", [1]), ("copy", [1])]:
        with pytest.raises(NoReverseMatch):
            reverse(f"undersign_signatures:{name}", args=args)
    assert superuser.get(f"{ADMIN}new/", follow=True).status_code == 404
    assert (
        superuser.get(f"{ADMIN}edit/{signature_a.pk}/", follow=True).status_code == 404
    )


def test_the_listing_never_exports_a_spreadsheet(signed, viewer):
    response = viewer.get(f"{ADMIN}?export=csv")

    assert response["Content-Type"].startswith("text/html")


def test_the_campaign_page_links_to_its_signers_only_for_viewers(
    page, signed, superuser, editor
):
    link = f"{ADMIN}?campaign={_campaign(page).pk}"
    edit = f"/admin/pages/{page.pk}/edit/"

    assert link in superuser.get(edit).content.decode()
    editor_page = editor.get(edit)
    assert editor_page.status_code == 200
    assert link not in editor_page.content.decode()
