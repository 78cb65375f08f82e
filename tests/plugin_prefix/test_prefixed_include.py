"""Included under `petitions/`, the plugin takes none of the host's own paths, and
every URL it makes, checks or documents follows the prefix.
"""

from __future__ import annotations

import pytest
from django.core import mail

from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.services import campaign_identity
from campaigns.signing import SignatureInput, signature_create
from tests.api.conftest import preflight
from tests.plugin_prefix.urls import HOST_PRIVACY
from widget.snippets import snippets

PARTNER = "https://partner.example"
API = "/petitions/api/v1"

pytestmark = pytest.mark.urls("tests.plugin_prefix.urls")


def test_the_hosts_own_privacy_page_is_not_shadowed(client, db):
    host = client.get("/privacy/")
    plugin = client.get("/petitions/privacy/")

    assert host.content.decode() == HOST_PRIVACY
    assert plugin.status_code == 200
    assert HOST_PRIVACY not in plugin.content.decode()


def test_the_api_and_its_cors_follow_the_prefix(api_client, page, partner):
    key = campaign_identity(page).public_key

    read = api_client.get(f"{API}/campaigns/{key}/", headers={"Origin": PARTNER})
    sign = preflight(api_client, f"{API}/campaigns/{key}/signatures/", PARTNER)
    foreign = preflight(
        api_client, f"{API}/campaigns/{key}/signatures/", "https://elsewhere.example"
    )

    assert read.status_code == 200
    assert read["Access-Control-Allow-Origin"] in ("*", PARTNER)
    assert sign["Access-Control-Allow-Origin"] == PARTNER
    assert "Access-Control-Allow-Origin" not in foreign


def test_the_schema_documents_the_prefixed_paths(api_client, db):
    paths = api_client.get(f"{API}/schema/", {"format": "json"}).json()["paths"]

    assert f"{API}/campaigns/{{key}}/signatures/" in paths
    assert all(path.startswith(f"{API}/") for path in paths)


def test_snippets_point_at_the_prefixed_script_and_embed_page(page):
    key = campaign_identity(page).public_key

    found = snippets(site="https://petitions.example", key=key, link="")

    assert 'src="https://petitions.example/petitions/widget/v1/undersign.js"' in (
        found.isolated
    )
    assert f"https://petitions.example/petitions/embed/{key}/" in found.iframe
    assert found.pinned is None or "/petitions/widget/releases/" in found.pinned


def test_links_in_emails_carry_the_prefix(
    page, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signature_create(
            page=page,
            data=SignatureInput(
                email="ana@example.org", first_name="Ana", last_name="D"
            ),
        )
    dispatch_once()

    (message,) = mail.outbox
    assert "/petitions/sign/withdraw/" in message.body
