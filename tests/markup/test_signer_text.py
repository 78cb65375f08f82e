"""What a signer typed is text everywhere it shows, never markup or a formula."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils.html import escape

from campaigns.signing import SignatureInput, signature_create
from tests.emails.conftest import dispatch as _dispatch
from tests.emails.conftest import html_of
from tests.markup.conftest import FORMULA_NAME, MARKUP_NAME
from tests.pages.conftest import serve_as_home
from tests.partners import conftest as partners
from tests.partners.signers import sign_through

dispatch = _dispatch
partner_client = partners.partner_client
SCRIPT = (
    Path(__file__).resolve().parents[2] / "widget/static/undersign_widget/undersign.js"
)


@pytest.fixture
def shown(page):
    """The campaign shows recent signers; one signed with markup as a name."""
    page.show_recent_signers = True
    page.save_revision().publish()
    serve_as_home(page)
    signature_create(
        page=page,
        data=SignatureInput(
            email="markup@example.org",
            first_name=MARKUP_NAME,
            last_name="Doe",
            consents=["display"],
        ),
    )
    return page


def test_the_hosted_page_escapes_recent_signers(client, shown):
    html = client.get("/en/").content.decode()

    assert escape(MARKUP_NAME) in html
    assert MARKUP_NAME not in html


def test_the_hosted_thank_you_escapes_the_name(client, page, settings):
    serve_as_home(page)

    response = client.post(
        "/en/",
        {"email": "ana@example.org", "first_name": MARKUP_NAME, "last_name": "Ruiz"},
        follow=True,
    )

    html = response.content.decode()
    assert escape(MARKUP_NAME) in html
    assert MARKUP_NAME not in html


def test_stats_carry_names_as_json_text(api_client, shown):
    response = api_client.get(f"/api/v1/campaigns/{shown.slug}/stats/")

    assert response["Content-Type"] == "application/json"
    assert response.json()["recent_signers"][0]["first_name"] == MARKUP_NAME


def test_the_widget_script_writes_only_the_servers_sanitized_panel_as_html():
    source = SCRIPT.read_text(encoding="utf-8")

    sinks = re.findall(
        r"\.(?:innerHTML|outerHTML)\s*=.*|insertAdjacentHTML|document\.write", source
    )
    assert sinks == [".innerHTML = data.html;"]


def test_emails_escape_the_name_in_html_and_keep_it_as_text(page, partner, dispatch):
    sign_through(page, partner, "markup@example.org", first_name=MARKUP_NAME)
    dispatch()

    [message] = mail.outbox
    html = html_of(message)
    assert escape(MARKUP_NAME) in html
    assert MARKUP_NAME not in html
    assert MARKUP_NAME in str(message.body)


def test_the_partner_signer_list_escapes_names(partner_client, page, partner):
    sign_through(page, partner, "markup@example.org", first_name=MARKUP_NAME)

    html = partner_client.get(f"/admin/undersign/partner/{partner.pk}/").content
    html = html.decode()

    assert escape(MARKUP_NAME) in html
    assert MARKUP_NAME not in html


def test_the_partner_export_neutralizes_formulas(partner_client, page, partner):
    sign_through(
        page, partner, "formula@example.org", first_name=FORMULA_NAME, last_name="+1"
    )

    response = partner_client.get(f"/admin/undersign/partner/{partner.pk}/export.csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))

    cells = [cell for row in rows[1:] for cell in row]
    assert f"'{FORMULA_NAME}" in cells
    assert "'+1" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
