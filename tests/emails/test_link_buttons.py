"""The buttons behind emailed links take `Origin: null` and refuse other sites.

Their pages send no Referer, so browsers post them with `Origin: null`; the
Django client here sends what Chromium and Firefox send (Chromium itself presses
them in tests/e2e/test_emailed_links.py). The CSRF check runs as in production.
"""

from __future__ import annotations

import pytest
from django.test import Client

from campaigns import links, yourdata
from campaigns.models import Signature

THIS_SITE = {"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "same-origin"}
REFUSED = [
    {"HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "cross-site"},
    {"HTTP_ORIGIN": "https://sub.testserver", "HTTP_SEC_FETCH_SITE": "same-site"},
]
ACCEPTED = [
    THIS_SITE,
    {"HTTP_ORIGIN": "null"},  # a browser without Sec-Fetch-Site
    {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
    {},  # a client that sends neither: the token alone is the credential
]


@pytest.fixture
def browser_client() -> Client:
    """A client whose POSTs Django's CSRF middleware checks, as a browser's."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def signature(hosted, sign) -> Signature:
    sign(hosted)
    return Signature.objects.get()


@pytest.mark.parametrize("headers", ACCEPTED)
def test_withdrawing_from_the_page_works_with_origin_null(
    signature, browser_client, headers
):
    response = browser_client.post(_withdraw_url(signature), **headers)

    assert response.status_code == 200
    assert b"Signature withdrawn" in response.content
    assert Signature.objects.get().status == Signature.Status.WITHDRAWN


@pytest.mark.parametrize("headers", REFUSED)
def test_a_post_from_another_site_is_refused_and_changes_nothing(
    signature, browser_client, headers
):
    response = browser_client.post(_withdraw_url(signature), **headers)

    assert response.status_code == 403
    assert b"This link does not work" in response.content
    assert Signature.objects.get().status == Signature.Status.CONFIRMED


@pytest.mark.parametrize("headers", REFUSED)
@pytest.mark.parametrize("action", ["download", "erase"])
def test_your_data_buttons_refuse_other_sites(
    signature, browser_client, headers, action
):
    path = f"/your-data/{yourdata.make_token(signature.email_index)}/{action}/"

    assert browser_client.post(path, **headers).status_code == 403
    assert browser_client.post(path, **THIS_SITE).status_code == 200
    erased = Signature.objects.get().status == Signature.Status.WITHDRAWN
    assert erased == (action == "erase")


def test_link_pages_set_no_cookie(signature, browser_client):
    response = browser_client.get(_withdraw_url(signature))

    assert response.status_code == 200
    assert not response.cookies
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()


def _withdraw_url(signature: Signature) -> str:
    return f"/sign/withdraw/{links.make_token(signature, links.WITHDRAW)}/"
