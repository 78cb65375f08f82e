"""Why signing's timing cannot tell whether an address had signed: the first probe
of an address signs it, so an address gives at most one "new" sample, ever."""

from __future__ import annotations

from campaigns.crypto import email_index
from campaigns.models import Signature
from tests.abuse.conftest import rates

PROBED = "never.signed@example.org"


def test_a_probe_of_an_unsigned_address_signs_it_so_every_later_probe_is_a_repeat(
    settings, page, api_sign
):
    # Even over the limit (silently flagged) the probe is stored.
    rates(settings, client_burst="1/minute")
    api_sign(page, email="first@example.org")

    replies = [api_sign(page, email=PROBED) for _ in range(5)]

    assert {reply.status_code for reply in replies} == {202}
    stored = Signature.objects.filter(email_index=email_index(PROBED))
    assert stored.count() == 1
    assert stored.get().moderation == Signature.Moderation.FLAGGED
