"""Every email the site sends by itself says so (RFC 3834 `Auto-Submitted`), so
vacation responders and mailing-list servers do not answer it."""

from __future__ import annotations

from campaigns.yourdata import request_data_link
from tests.emails.conftest import EMAIL
from tests.factories import campaign_page


def test_thanks_confirm_repeat_and_your_data_emails_are_auto_generated(
    page, sign, dispatch, mailoutbox, settings
):
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 10
    double = campaign_page(slug="double", title="Double", double_opt_in=True)
    sign(page)
    sign(double)
    sign(page)  # the same address again: "you have already signed"
    request_data_link(email=EMAIL)

    dispatch()

    subjects = sorted(message.subject.split(":")[0] for message in mailoutbox)
    assert subjects == [
        "Please confirm your signature",
        "Thank you for signing",
        "You have already signed",
        "Your data",
    ]
    for message in mailoutbox:
        assert message.message()["Auto-Submitted"] == "auto-generated"
