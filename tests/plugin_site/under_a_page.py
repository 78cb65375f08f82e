"""Run inside the bare plugin site: a campaign under an ordinary page of the
site's own tree is served at its URL and signed through its hosted form.

`python -m tests.plugin_site.under_a_page` after `migrate`; one line per step.
"""

from __future__ import annotations

import re
import sys
import time

import django


def main() -> None:
    django.setup()
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Page, Site

    from campaigns.models import CampaignPage, Signature
    from tests.factories import campaign_page

    home = Site.objects.get(is_default_site=True).root_page
    about = home.add_child(instance=Page(title="About us", slug="about"))
    assert CampaignPage.can_create_at(about), "a campaign may not go under a page"
    page = campaign_page(parent=about)
    url = page.get_url()
    assert url == "/about/stop-the-detentions/", url
    client = Client()
    html = client.get(url).content.decode()
    assert page.call_to_action in html
    sys.stdout.write(f"served: {url}\n")

    token = re.search(r'name="form_token" value="([^"]+)"', html)
    assert token is not None, "the hosted form carries no form token"
    time.sleep(float(getattr(settings, "UNDERSIGN_MIN_FILL_SECONDS", 3)) + 0.1)
    data = {"email": "ana@example.com", "first_name": "Ana", "last_name": "Díaz"}
    response = client.post(url, {**data, "form_token": token[1]})
    assert response.status_code == 302, response.status_code
    assert response["Location"] == f"{url}thanks/", response["Location"]
    assert Signature.objects.get(campaign__translation_key=page.translation_key)
    sys.stdout.write("signed: ok\n")


if __name__ == "__main__":
    main()
