"""Our OSDI records have the shapes of the OSDI documentation's own examples.

Every field we send is one the example has (or one of our documented extensions),
with the same JSON type, and times are written the way the examples write them.
The examples are in `osdi_examples/`, copied from the OSDI docs (see SOURCE.md).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from campaigns.models import CampaignQuestion
from campaigns.services import campaign_identity
from tests.partners.osdi import embedded, osdi_url
from tests.partners.signers import sign_through

EXAMPLES = Path(__file__).parent / "osdi_examples"
OSDI_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
# Our additions: the consent text (documented in docs/partner-api.md) and the
# signer embedded with each signature, as HAL embeds related resources.
EXTENSIONS = {"undersign:consent", "_embedded"}
# Objects whose keys are the server's own (OSDI: "key/value pairs"), values strings.
FREE_KEYS = {"custom_fields"}


def _example(name: str) -> Any:
    return json.loads((EXAMPLES / name).read_text())


def assert_shaped_like(ours: Any, example: Any, where: str = "$") -> None:
    """Assert `ours` uses only `example`'s fields, with their JSON types."""
    if where.rpartition(".")[2] in FREE_KEYS:
        assert isinstance(ours, dict), where
        assert all(isinstance(v, str) for v in ours.values()), (where, ours)
    elif isinstance(example, dict):
        assert isinstance(ours, dict), where
        unknown = set(ours) - set(example) - EXTENSIONS
        assert not unknown, f"{where}: fields the OSDI example lacks: {unknown}"
        for key in set(ours) & set(example):
            assert_shaped_like(ours[key], example[key], f"{where}.{key}")
    elif isinstance(example, list):
        assert isinstance(ours, list), where
        for n, item in enumerate(ours):
            assert_shaped_like(item, example[0], f"{where}[{n}]")
    elif isinstance(example, str) and OSDI_TIME.fullmatch(example):
        assert isinstance(ours, str) and OSDI_TIME.fullmatch(ours), (where, ours)
    else:
        assert type(ours) is type(example), (where, ours, example)


def _signed(page, partner) -> None:
    CampaignQuestion.objects.create(page=page, key="borough", label="B", kind="text")
    for name in ("phone", "postal_code", "country", "address", "comment"):
        setattr(page, f"{name}_rule", "optional")
    page.save_revision().publish()
    for n in range(2):
        sign_through(
            page,
            partner,
            f"s{n}@example.org",
            phone="+1 718 555 0100",
            postal_code="11211",
            country="US",
            address="123 Main St\nApt 4",
            comment="Free them all",
            answers={"borough": "Brooklyn"},
            source={"utm_source": "newsletter", "referrer": "https://mtr.example"},
        )


def test_a_signatures_page_is_shaped_like_the_osdi_collection_example(
    page, partner, api_client, bearer
):
    _signed(page, partner)
    bearer(partner)
    url = osdi_url("signatures", campaign_identity(page).public_key)

    body = api_client.get(url, {"per_page": 1}).json()

    example = _example("signatures_collection.json")
    assert set(body) == set(example)
    assert {"self", "next", "osdi:signatures"} <= set(body["_links"])
    assert_shaped_like(body, example)
    [record] = body["_embedded"]["osdi:signatures"]
    assert set(record) - EXTENSIONS == set(example["_embedded"]["osdi:signatures"][0])


def test_a_person_is_shaped_like_the_osdi_person_example(
    page, partner, api_client, bearer
):
    _signed(page, partner)
    bearer(partner)

    [person, _other] = embedded(api_client.get(osdi_url("people")), "people")

    assert_shaped_like(person, _example("person.json"))
    assert {"email_addresses", "postal_addresses", "custom_fields"} <= set(person)


def test_a_petition_is_shaped_like_the_osdi_petition_example(
    page, partner, api_client, bearer
):
    bearer(partner)

    [petition] = embedded(api_client.get(osdi_url("petitions")), "petitions")

    assert_shaped_like(petition, _example("petition.json"))
    assert {"title", "target", "total_signatures", "_links"} <= set(petition)
