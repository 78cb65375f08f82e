"""Sending signers' emails logs what happened, never who it happened to."""

from __future__ import annotations

import logging

from campaigns.models import Delivery
from tests.emails.conftest import EMAIL, FIRST_NAME, LAST_NAME, link_path


def test_no_address_or_name_is_logged_while_sending(
    page, sign, dispatch, mailoutbox, caplog, client, settings
):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 2
    with caplog.at_level(logging.DEBUG):
        sign(page)
        sign(page)
        sign(page)
        dispatch()
        client.post(link_path(mailoutbox[0], "withdraw"))

    assert len(mailoutbox) == 2
    assert "sent email_thanks for signature" in caplog.text
    for secret in (EMAIL, EMAIL.split("@")[0], FIRST_NAME, LAST_NAME):
        assert secret.lower() not in caplog.text.lower()


def test_no_address_or_name_is_stored_with_a_delivery(page, sign, dispatch, settings):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 1
    sign(page)
    sign(page)
    sign(page)
    dispatch()

    notes = " ".join(Delivery.objects.values_list("last_error", flat=True))
    assert "suppressed: daily limit" in notes
    assert FIRST_NAME not in notes
    assert EMAIL not in notes
