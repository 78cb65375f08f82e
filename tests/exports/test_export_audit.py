"""Every export is in the audit log: campaigns, filter kinds, rows, never a signer."""

from __future__ import annotations

import json

from django.urls import reverse
from wagtail.models import ModelLogEntry

from campaigns.admin import audit
from campaigns.models import SignerExport
from tests.exports.helpers import export, start_url
from tests.partners.signers import sign_through


def _entries(campaign, action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(object_id=str(campaign.pk), action=action))


def test_a_streamed_export_is_logged_without_identifiers(page, campaign, client_a):
    ana = sign_through(page, None, "ana@example.org")

    export(client_a, campaign=campaign.pk, status="confirmed", signer=ana.email_index)

    [entry] = _entries(campaign, audit.SIGNERS_EXPORTED)
    assert entry.user.username == "alice"
    assert entry.data == {
        "campaigns": [campaign.public_key],
        "filters": ["signer", "status"],
        "rows": 1,
        "mode": "stream",
    }
    logged = json.dumps(entry.data)
    assert "ana" not in logged
    assert ana.email_index not in logged


def test_a_background_export_and_its_download_are_logged(
    settings, page, campaign, client_a
):
    settings.UNDERSIGN_EXPORT_STREAM_MAX_ROWS = 0
    sign_through(page, None, "ana@example.org")

    client_a.post(start_url(campaign=campaign.pk))
    export_ = SignerExport.objects.get()
    client_a.get(reverse("undersign_exports:download", args=[export_.pk]))

    [started] = _entries(campaign, audit.SIGNERS_EXPORTED)
    [downloaded] = _entries(campaign, audit.EXPORT_DOWNLOADED)
    assert started.data["mode"] == "background"
    assert started.data["rows"] == 1
    assert downloaded.data == {"rows": 1, "export": export_.pk}
    assert "ana" not in json.dumps([started.data, downloaded.data])


def test_a_refused_export_is_not_logged_as_one(page, campaign_b, client_a):
    client_a.get(start_url(campaign=campaign_b.pk))

    assert not ModelLogEntry.objects.filter(action=audit.SIGNERS_EXPORTED).exists()
