"""The demo partner page pastes the generated snippets for the seeded campaign."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

TEMPLATE = Path(__file__).resolve().parents[2] / "cms" / "partner_demo" / "index.html"


def test_demo_page_shows_both_modes_as_pasted(db, tmp_path, script):
    call_command("undersign_seed_demo", partner_port=8001)

    call_command(
        "undersign_partner_demo",
        out=tmp_path,
        site="http://127.0.0.1:9000",
        template=TEMPLATE,
    )

    html = (tmp_path / "index.html").read_text()
    assert (
        '<script src="http://127.0.0.1:9000/widget/v1/undersign.js" async></script>\n'
        '<undersign-petition campaign="ice-free-nyc" partner="make-the-road">'
    ) in html
    assert 'campaign="ice-free-nyc" partner="make-the-road" mode="inline">' in html
    assert "&lt;undersign-petition campaign=&quot;ice-free-nyc&quot;" in html
    hosted = "http://127.0.0.1:9000/en/campaigns/ice-free-nyc/"
    assert f'href="{hosted}p/make-the-road/' in html


def test_demo_page_needs_the_seeded_campaign(db, tmp_path):
    with pytest.raises(CommandError, match="seed first"):
        call_command(
            "undersign_partner_demo",
            out=tmp_path,
            site="http://127.0.0.1:9000",
            template=TEMPLATE,
        )
