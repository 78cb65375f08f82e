"""Who signed: one signer per normalized email, names in any script kept as typed."""

from __future__ import annotations

import pytest

from campaigns.crypto import email_index, normalize_email
from campaigns.models import Signature
from campaigns.signing import Outcome, SignatureInput, signature_create


def _sign(page, email: str, first_name: str = "Ana", last_name: str = "Díaz"):
    data = SignatureInput(email=email, first_name=first_name, last_name=last_name)
    return signature_create(page=page, data=data)


def test_normalize_email_trims_and_lowercases():
    assert normalize_email(" A@Example.com ") == "a@example.com"
    assert email_index(" A@Example.com ") == email_index("a@example.com")


def test_an_address_in_other_case_and_spacing_is_the_same_signer(page):
    assert _sign(page, " A@Example.com ").outcome is Outcome.NEW
    assert _sign(page, "a@example.com").outcome is Outcome.DUPLICATE

    signature = Signature.objects.get()
    assert signature.identity.email == "a@example.com"
    assert signature.email_domain == "example.com"


def test_different_addresses_are_different_signers(page):
    _sign(page, "a@example.com")
    _sign(page, "b@example.com")

    assert Signature.objects.count() == 2


@pytest.mark.parametrize(
    ("first_name", "last_name"),
    [
        ("José", "Muñoz"),
        ("秀英", "王"),
        ("محمد", "عبد الله"),
        ("Thị", "Nguyễn"),
        ("Ольга", "Кузнецова"),
        ("জয়া", "দাস"),
    ],
)
def test_names_in_any_script_round_trip(page, first_name, last_name):
    _sign(page, "ana@example.com", first_name, last_name)

    identity = Signature.objects.get().identity
    assert (identity.first_name, identity.last_name) == (first_name, last_name)


def test_decomposed_accents_are_stored_composed(page):
    _sign(page, "ana@example.com", "Jose\u0301")

    assert Signature.objects.get().identity.first_name == "José"


def test_html_typed_into_a_name_is_stored_verbatim_as_text(page):
    name = '<b>Ana</b><script>alert("x")</script>&amp;'

    _sign(page, "ana@example.com", name, "O'Brien & <i>Sons</i>")

    identity = Signature.objects.get().identity
    assert identity.first_name == name
    assert identity.last_name == "O'Brien & <i>Sons</i>"
