"""Partner users in the admin: their own counts, signers and CSV, no one else's."""

from __future__ import annotations

import csv
import io

from django.test import Client
from wagtail.models import ModelLogEntry

from campaigns.admin import audit
from tests.partners.signers import sign_through
from tests.partners.users import partner_user


def _signers_url(partner) -> str:
    return f"/admin/undersign/partner/{partner.pk}/"


def _export(client: Client, partner) -> list[list[str]]:
    response = client.get(f"/admin/undersign/partner/{partner.pk}/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def test_a_partner_user_sees_the_partner_menu_and_is_sent_to_their_partner(
    partner, partner_client
):
    dashboard = partner_client.get("/admin/")
    home = partner_client.get("/admin/undersign/partner/")

    assert dashboard.status_code == 200
    assert "/admin/undersign/partner/" in dashboard.content.decode()
    assert home.status_code == 302
    assert home["Location"] == _signers_url(partner)


def test_a_user_without_a_partner_gets_no_menu_and_403(db, partner):
    client = Client()
    client.force_login(partner_user("editor"))

    assert "/admin/undersign/partner/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/undersign/partner/").status_code == 403
    assert client.get(_signers_url(partner)).status_code == 403


def test_an_organizer_finds_partners_under_one_menu_item(db, admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert "/admin/undersign/partners/" in html
    assert "/admin/undersign/partner/" not in html


def test_the_page_shows_counts_and_only_consenting_signers(
    page, partner, partner_client
):
    sign_through(page, partner, "yes@example.org")
    sign_through(page, partner, "no@example.org", consent=False)

    response = partner_client.get(_signers_url(partner))

    html = response.content.decode()
    assert response.status_code == 200
    assert "yes@example.org" in html
    assert "no@example.org" not in html
    [counts] = response.context["counts"]
    assert (counts.title, counts.consented, counts.credited) == (
        "Stop the detentions",
        1,
        2,
    )


def test_partner_a_user_cannot_reach_partner_b(
    page, partner, other_partner, partner_client
):
    sign_through(page, other_partner, "for-b@example.org")

    assert partner_client.get(_signers_url(other_partner)).status_code == 403
    export = f"/admin/undersign/partner/{other_partner.pk}/export.csv"
    assert partner_client.get(export).status_code == 403
    tokens = f"/admin/undersign/partner/{other_partner.pk}/tokens/"
    assert partner_client.post(tokens, {"label": "x"}).status_code == 403
    assert not other_partner.tokens.exists()


def test_the_csv_lists_consenting_signers_and_neutralizes_formulas(
    page, partner, partner_client
):
    sign_through(page, partner, "ana@example.org", first_name="=1+1", last_name="@SUM")
    sign_through(page, partner, "no@example.org", consent=False)

    header, *rows = _export(partner_client, partner)

    [row] = rows
    record = dict(zip(header, row, strict=True))
    assert record["email"] == "ana@example.org"
    assert record["given_name"] == "'=1+1"
    assert record["family_name"] == "'@SUM"
    assert record["consent_text"] == "Allow Make the Road to contact me"


def test_viewing_and_exporting_are_audited_without_identifiers(
    page, partner, partner_client
):
    sign_through(page, partner, "ana@example.org")

    partner_client.get(_signers_url(partner))
    _export(partner_client, partner)

    entries = ModelLogEntry.objects.filter(object_id=str(partner.pk))
    assert {entry.action for entry in entries} == {
        audit.VIEW_SIGNERS,
        audit.EXPORT_SIGNERS,
    }
    for entry in entries:
        assert "ana@example.org" not in str(entry.data) + entry.label
        assert entry.user.username == "mtr"
