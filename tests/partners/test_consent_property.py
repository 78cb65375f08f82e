"""Property: for any signers and consent choices across two partners, the API and the
self-service list show a partner exactly the signers who consented to it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.models import Delivery, Signature, SignatureConsent
from campaigns.partners.tokens import token_create
from tests.partners.osdi import emails, embedded, osdi_url
from tests.partners.signers import sign_through
from tests.partners.users import partner_user

# Per signer: through which partner's embed they signed, and whether they ticked
# that partner's box.
signers = st.lists(
    st.tuples(st.sampled_from(["a", "b", None]), st.booleans()),
    min_size=0,
    max_size=8,
)


def _api_emails(api_client, plaintext: str) -> set[str]:
    api_client.credentials(HTTP_OSDI_API_TOKEN=plaintext)
    response = api_client.get(osdi_url("people"), {"per_page": 100})
    return set(emails(embedded(response, "people")))


def _listed_emails(client: Client, partner) -> set[str]:
    rows = client.get(f"/admin/undersign/partner/{partner.pk}/").context["rows"]
    return {row["identity"].email for row in rows}


@settings(
    max_examples=30,
    database=None,  # no .hypothesis/ directory in the checkout
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(choices=signers)
def test_each_partner_sees_exactly_its_consenting_signers(
    choices, page, partner, other_partner, api_client
):
    partners = {"a": partner, "b": other_partner}
    expected: dict[str, set[str]] = {"a": set(), "b": set()}
    try:
        for n, (via, consent) in enumerate(choices):
            email = f"signer{n}@example.org"
            sign_through(page, partners.get(via), email, consent=consent)
            if via and consent:
                expected[via].add(email)

        for name, each in partners.items():
            _token, plaintext = token_create(partner=each)
            client = Client()
            client.force_login(partner_user(f"user-{name}", each))
            assert _api_emails(api_client, plaintext) == expected[name]
            assert _listed_emails(client, each) == expected[name]
    finally:
        # Hypothesis runs every example inside one test transaction.
        Delivery.objects.all().delete()
        SignatureConsent.objects.all().delete()
        Signature.objects.all().delete()
        for each in partners.values():
            each.tokens.all().delete()
            each.members.all().delete()
        get_user_model().objects.filter(username__startswith="user-").delete()
