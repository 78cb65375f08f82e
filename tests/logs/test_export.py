"""An admin CSV export at DEBUG: the file holds the signers, the logs do not."""

from __future__ import annotations

from tests.logs.conftest import (
    CLIENT_META,
    EMAIL,
    FIRST_NAME,
    LAST_NAME,
    leaks,
    logged_text,
)
from tests.partners import conftest as partners
from tests.partners.signers import sign_through

partner_client = partners.partner_client


def test_a_partner_export_logs_no_email_name_or_address(
    page, partner, partner_client, every_log
):
    sign_through(page, partner, EMAIL, first_name=FIRST_NAME, last_name=LAST_NAME)

    response = partner_client.get(
        f"/admin/undersign/partner/{partner.pk}/export.csv", **CLIENT_META
    )

    exported = response.getvalue().decode()
    assert response.status_code == 200
    assert EMAIL in exported and LAST_NAME in exported
    assert any(r.name == "django.db.backends" for r in every_log.records)
    assert leaks(logged_text(every_log)) == []
