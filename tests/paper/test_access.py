"""Importing paper signatures and setting the offset need both page edit permission
and `view_signers` on the campaign; anything less is 403."""

from __future__ import annotations

from tests.exports.users import EDIT_PAGE, VIEW_SIGNERS, organizer, superuser
from tests.paper.conftest import csv_file, paper_url

GOOD = "email,first_name,last_name\nana@example.org,Ana,Díaz\n"


def _check(client, page):
    return client.post(
        paper_url(page),
        {
            "action": "check",
            "file": csv_file(GOOD),
            "statement": "Signed on paper.",
            "language": "en",
        },
    )


def test_an_organizer_of_a_gets_the_page_of_a_and_403_on_b(page, page_b, paper_client):
    assert paper_client.get(paper_url(page)).status_code == 200
    assert _check(paper_client, page).status_code == 200
    assert paper_client.get(paper_url(page_b)).status_code == 403
    assert _check(paper_client, page_b).status_code == 403


def test_editing_without_view_signers_is_not_enough(page):
    editor = organizer("editor", page, EDIT_PAGE)

    assert editor.get(paper_url(page)).status_code == 403
    assert _check(editor, page).status_code == 403


def test_view_signers_without_editing_is_not_enough(page):
    viewer = organizer("viewer", page, VIEW_SIGNERS)

    assert viewer.get(paper_url(page)).status_code == 403
    offset = {"action": "offset", "count_offset": "5"}
    assert viewer.post(paper_url(page), offset).status_code == 403


def test_a_user_without_permissions_gets_403(page):
    nobody = organizer("nobody")

    assert nobody.get(paper_url(page)).status_code == 403
    assert _check(nobody, page).status_code == 403


def test_a_superuser_may_import(page):
    assert superuser().get(paper_url(page)).status_code == 200


def test_the_campaign_page_shows_the_paper_button_only_to_those_allowed(
    page, paper_client
):
    edit_url = f"/admin/pages/{page.pk}/edit/"
    viewer = organizer("viewer", page, EDIT_PAGE)

    assert paper_url(page) in paper_client.get(edit_url).content.decode()
    assert paper_url(page) not in viewer.get(edit_url).content.decode()
