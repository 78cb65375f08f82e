from campaigns.selectors import signature_count
from campaigns.services import campaign_identity
from campaigns.signing import Outcome, SignatureInput, signature_create


def test_signing_counts_once_per_email(page):
    data = SignatureInput(email="a@example.com", first_name="A", last_name="B")
    assert signature_create(page=page, data=data).outcome is Outcome.NEW
    assert signature_create(page=page, data=data).outcome is Outcome.DUPLICATE
    assert signature_count(campaign_identity(page)) == 1
