"""The Embed tab: every snippet per partner, SRI, hosted links, preview, stray keys."""

from __future__ import annotations

import html as htmllib
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission

from tests.factories import campaign_page
from widget import __version__

SITE = "https://petitions.example"


def edit_html(client: Client, page) -> str:
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def snippet(html: str, id_: str) -> str:
    """Return the text of the readonly textarea `id_`, as the browser would hold it."""
    found = re.search(
        rf'<textarea id="{id_}" readonly[^>]*>(.*?)</textarea>', html, re.S
    )
    assert found, id_
    return htmllib.unescape(found[1])


@pytest.fixture
def panel(admin_client, settings, release, hosted, two_partners) -> str:
    settings.UNDERSIGN_SITE_URL = SITE
    return edit_html(admin_client, hosted)


def test_each_partner_has_every_snippet_with_its_key(panel, two_partners):
    for partner in two_partners:
        prefix = f"undersign-embed-{partner.pk}"
        isolated = snippet(panel, f"{prefix}-isolated")
        inline = snippet(panel, f"{prefix}-inline")
        iframe = snippet(panel, f"{prefix}-iframe")
        assert (
            f'<script src="{SITE}/widget/v1/undersign.js" async></script>' in isolated
        )
        element = '<undersign-petition campaign="stop-the-detentions"'
        assert f'{element} partner="{partner.slug}">' in isolated
        assert f'partner="{partner.slug}" mode="inline">' in inline
        assert iframe.startswith(
            f'<iframe src="{SITE}/embed/stop-the-detentions/?partner={partner.slug}"'
        )


def test_the_pinned_snippet_carries_the_manifests_integrity(
    panel, two_partners, release
):
    for partner in two_partners:
        pinned = snippet(panel, f"undersign-embed-{partner.pk}-pinned")
        assert pinned.startswith(
            f'<script src="{SITE}/widget/releases/{__version__}/undersign.js" '
            f'integrity="{release}" crossorigin="anonymous" async></script>'
        )


def test_the_hosted_link_credits_the_partner(panel, two_partners):
    for partner in two_partners:
        link = snippet(panel, f"undersign-embed-{partner.pk}-link")
        assert link == f"{SITE}/en/p/{partner.slug}/"
    assert snippet(panel, "undersign-embed-own-link") == f"{SITE}/en/"


def test_snippets_are_escaped_text_with_a_copy_button_each(panel, two_partners):
    boxes = re.findall(r'<textarea id="(undersign-embed-[^"]+)" readonly', panel)
    buttons = re.findall(r'data-undersign-copy="([^"]+)"', panel)

    assert len(boxes) == 3 * 5  # own sites and two partners, five snippets each
    assert buttons == boxes
    assert "<textarea" in panel and "&lt;script src=" in panel
    assert "undersign_widget/admin/copy.js" in panel
    assert "test mode: signatures are not counted" in panel


def test_a_live_campaign_has_a_live_preview_of_its_embed(panel):
    assert '<iframe src="/embed/stop-the-detentions/"' in panel
    assert "data-undersign-preview" in panel


def test_an_unpublished_campaign_explains_why_there_is_no_preview(admin_client, db):
    draft = campaign_page(publish=False, slug="draft-campaign")

    html = edit_html(admin_client, draft)

    assert "No preview yet" in html
    assert "data-undersign-preview" not in html
    assert 'id="undersign-embed-own-isolated"' in html  # snippets are ready anyway


def test_unknown_partner_keys_are_listed_with_counts(
    admin_client, api_client, hosted, two_partners
):
    for email, key in [
        ("a@example.org", "ghost"),
        ("b@example.org", "ghost"),
        ("c@example.org", "stray"),
        ("d@example.org", "make-the-road"),
        ("e@example.org", ""),
    ]:
        body = {"email": email, "first_name": "A", "last_name": "B", "partner": key}
        api_client.post(
            f"/api/v1/campaigns/{hosted.slug}/signatures/",
            data=json.dumps(body),
            content_type="application/json",
        )

    html = edit_html(admin_client, hosted)

    table = re.search(r"<table[^>]*data-undersign-unknown-keys.*?</table>", html, re.S)[
        0
    ]
    rows = re.findall(r"<code>([^<]+)</code></td><td>(\d+)</td>", table)
    assert rows == [("ghost", "2"), ("stray", "1")]


def test_no_unknown_keys_says_so(panel):
    assert "data-undersign-unknown-keys" not in panel
    assert "every signature with a partner key came through a known partner" in panel


def test_an_editor_with_page_edit_permission_sees_the_embed_tab(hosted, two_partners):
    user = get_user_model().objects.create_user("page-editor")
    group = Group.objects.create(name="Page editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=hosted, permission_type="change"
    )
    user.groups.add(group)
    client = Client()
    client.force_login(user)

    html = edit_html(client, hosted)

    assert 'id="tab-label-embed"' in html
    assert f'id="undersign-embed-{two_partners[0].pk}-isolated"' in html
