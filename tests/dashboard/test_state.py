"""Closing the loop: close, reopen, deliver and win, on every translation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry

from campaigns.models import CampaignPage
from tests.dashboard.people import EDITOR, grant
from tests.factories import campaign_page
from tests.pages.conftest import serve_as_home


@pytest.fixture
def spanish(page) -> CampaignPage:
    translation = page.copy_for_translation(Locale.objects.create(language_code="es"))
    translation.title = "Paren las detenciones"
    translation.save_revision().publish()
    return CampaignPage.objects.get(pk=translation.pk)


def _post(client, page, state, **notes):
    url = reverse("undersign_campaign_state", args=[page.pk, state])
    return client.post(url, {f"note_{pk}": note for pk, note in notes.items()})


@pytest.mark.parametrize("state", ["closed", "delivered", "won"])
def test_ending_a_campaign_changes_every_translation(editor, page, spanish, state):
    grant(spanish, "editor", EDITOR)

    response = _post(
        editor,
        page,
        state,
        **{str(page.pk): "The Mayor signed.", str(spanish.pk): "El alcalde firmó."},
    )

    page.refresh_from_db()
    spanish.refresh_from_db()
    assert response.status_code == 302
    assert (page.state, spanish.state) == (state, state)
    assert page.outcome_note == "The Mayor signed."
    assert spanish.outcome_note == "El alcalde firmó."
    assert not page.has_unpublished_changes
    assert page.live_revision.user.username == "editor"


def test_an_editor_of_one_translation_may_not_change_them_all(editor, page, spanish):
    response = _post(editor, page, "won", **{str(page.pk): "Won."})

    page.refresh_from_db()
    assert response.status_code == 403
    assert page.state == "open"


def test_the_change_is_in_the_page_history(editor, page):
    _post(editor, page, "won", **{str(page.pk): "Won."})

    actions = set(
        PageLogEntry.objects.filter(page=page, user__username="editor").values_list(
            "action", flat=True
        )
    )

    assert {"wagtail.publish", "undersign.campaign.state"} <= actions


def test_reopening_takes_signatures_again(editor, page):
    CampaignPage.objects.filter(pk=page.pk).update(
        state="closed", closes_at=timezone.now() - timedelta(days=1)
    )

    response = _post(editor, page, "open")
    assert response.status_code == 302, response.content.decode()[-3000:]

    page.refresh_from_db()
    assert page.state == "open"
    assert page.closes_at is None
    assert page.is_accepting()


def test_a_draft_in_progress_is_kept_and_not_published(editor, page):
    draft = page.get_latest_revision_as_object()
    draft.call_to_action = "Unfinished new headline"
    draft.save_revision()

    _post(editor, page, "closed", **{str(page.pk): "Closed."})

    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert page.call_to_action != "Unfinished new headline"
    assert page.state == "closed"
    assert latest.call_to_action == "Unfinished new headline"
    assert latest.state == "closed"


def test_an_unpublished_translation_stays_unpublished(editor, page):
    draft = page.copy_for_translation(Locale.objects.create(language_code="fr"))
    grant(draft, "editor", EDITOR)

    response = _post(editor, page, "won", **{str(page.pk): "Won."})

    draft.refresh_from_db()
    assert response.status_code == 302
    assert not draft.live
    assert draft.get_latest_revision_as_object().state == "won"


def test_the_confirm_page_asks_for_each_translations_note(editor, page, spanish):
    grant(spanish, "editor", EDITOR)
    url = reverse("undersign_campaign_state", args=[page.pk, "won"])

    html = editor.get(url).content.decode()

    assert f'name="note_{page.pk}"' in html
    assert f'name="note_{spanish.pk}"' in html
    assert "csrfmiddlewaretoken" in html


def test_the_confirm_page_counts_the_translations_besides_the_page(
    editor, page, spanish
):
    grant(spanish, "editor", EDITOR)
    url = reverse("undersign_campaign_state", args=[page.pk, "closed"])

    html = editor.get(url).content.decode()

    assert "and its translation, and publishes them." in html
    assert "each of its" not in html


def test_the_confirm_page_of_an_untranslated_campaign_names_no_translations(
    editor, page
):
    url = reverse("undersign_campaign_state", args=[page.pk, "closed"])

    html = editor.get(url).content.decode()

    assert "and publishes it." in html
    assert "translation" not in html.split("<main")[-1].split("</form>")[0]


def test_the_hosted_page_and_the_widget_show_the_outcome_note(client, editor, page):
    serve_as_home(page)

    _post(editor, page, "won", **{str(page.pk): "The Mayor signed the order."})

    hosted = client.get("/en/").content.decode()
    embed = client.get(f"/embed/{page.slug}/").content.decode()
    api = client.get(f"/api/v1/campaigns/{page.slug}/").json()
    assert "We won!" in hosted
    assert "The Mayor signed the order." in hosted
    assert "The Mayor signed the order." in embed
    assert (api["state"], api["outcome_note"]) == (
        "won",
        "The Mayor signed the order.",
    )


def test_other_campaigns_are_untouched(editor, page):
    other = campaign_page(title="Fund the libraries", slug="fund-the-libraries")

    _post(editor, page, "closed")

    other.refresh_from_db()
    assert other.state == "open"
