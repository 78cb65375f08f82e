"""Run inside the bare plugin site: create a campaign, sign it, read it back.

`python -m tests.plugin_site.smoke` after `migrate`; it writes one line per step
and exits non-zero on the first failure.
"""

from __future__ import annotations

import sys

import django


def main() -> None:
    django.setup()
    from django.test import Client
    from django.urls import Resolver404, resolve

    from campaigns.models import Signature
    from campaigns.selectors import campaign_page_for_key, signature_count
    from campaigns.services import campaign_identity
    from campaigns.signing import Outcome, SignatureInput, signature_create
    from tests.factories import campaign_page

    key = campaign_identity(campaign_page()).public_key
    page = campaign_page_for_key(key)
    assert page is not None, "the published campaign is not found by its key"
    data = SignatureInput(email="ana@example.com", first_name="Ana", last_name="Díaz")
    assert signature_create(page=page, data=data).outcome is Outcome.NEW
    signed = Signature.objects.get(campaign=campaign_identity(page))
    assert signed.identity.email == "ana@example.com"
    assert signature_count(campaign_identity(page)) == 1
    sys.stdout.write("signed: ok\n")

    url = f"/api/v1/campaigns/{key}/"
    try:
        resolve(url)
    except Resolver404:
        sys.stdout.write("api: not built yet\n")
        return
    response = Client().get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.status_code
    assert page.call_to_action in response.content.decode()
    sys.stdout.write("api: ok\n")


if __name__ == "__main__":
    main()
