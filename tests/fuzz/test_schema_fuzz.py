"""Schemathesis over the public OpenAPI schema: no 5xx, and replies match the schema.

Runs the schemathesis CLI against `live_server` for every operation in
`/api/v1/schema/`, in its deterministic mode so CI reruns the same cases.
`UNDERSIGN_FUZZ_EXAMPLES` sets the examples per operation: 200 in the suite,
1,000 under `make fuzz`. The requests each operation received are counted on
the server side and printed with the result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.signals import request_started
from django.urls import Resolver404, resolve

from campaigns.models import CampaignQuestion, Signature
from campaigns.models.page import STANDARD_FIELDS, FieldRule
from campaigns.partners.tokens import token_create
from campaigns.services import campaign_identity
from campaigns.signing import SignatureInput, signature_create
from tests.factories import (
    PartnerFactory,
    campaign_page,
    link_partner,
    restore_wagtail_tree,
)

EXAMPLES = int(os.environ.get("UNDERSIGN_FUZZ_EXAMPLES", "200"))
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module", autouse=True)
def _wagtail_tree_after_fuzzing(wagtail_tree_after_module) -> None:
    """`live_server` flushes; leave the tree as migrations did."""


@pytest.fixture
def fuzz_target(live_server, settings) -> tuple[str, str]:
    """Return a live campaign's key and a partner token, with data to read back."""
    # Thousands of signings from one client must all reach the code.
    settings.UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = 1_000_000
    restore_wagtail_tree()
    # Every field optional, so that bodies the schema allows can be accepted.
    rules = {f"{name}_rule": FieldRule.OPTIONAL for name in STANDARD_FIELDS}
    page = campaign_page(show_recent_signers=True, **rules)
    CampaignQuestion.objects.create(
        page=page, key="borough", label="Your borough", kind="text"
    )
    partner = PartnerFactory(slug="make-the-road")
    link_partner(page, partner)
    signature_create(
        page=page,
        data=SignatureInput(
            email="fuzz@example.org",
            first_name="Fuzz",
            last_name="Seed",
            partner_key=partner.slug,
            consents=[f"partner:{partner.slug}"],
            language="en",
        ),
    )
    _token, plaintext = token_create(partner=partner, label="fuzz")
    return campaign_identity(page).public_key, plaintext


@pytest.fixture
def served() -> Iterator[Counter[str]]:
    """Count the requests the server receives, by method and URL name."""
    seen: Counter[str] = Counter()

    def count(sender: Any, environ: dict[str, Any], **kwargs: Any) -> None:
        try:
            name = resolve(environ["PATH_INFO"]).url_name
        except Resolver404:
            name = "(no route)"
        seen[f"{environ['REQUEST_METHOD']} {name}"] += 1

    request_started.connect(count)
    yield seen
    request_started.disconnect(count)


def operations(client: Any, key: str) -> list[str]:
    """Return the schema's operations as "METHOD url-name", as `served` counts them."""
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    return sorted(
        f"{method.upper()} {resolve(path.replace('{key}', key)).url_name}"
        for path, methods in schema["paths"].items()
        for method in methods
    )


def schemathesis(url: str, token: str, config: Path, report: Path) -> str:
    """Run the schemathesis CLI on the schema at `url`; return its output."""
    run = subprocess.run(  # noqa: S603 - our own interpreter's schemathesis
        [
            str(SCHEMATHESIS),
            "--config-file",
            str(config),
            "--no-color",
            "run",
            url,
            "--checks",
            CHECKS,
            "--max-examples",
            str(EXAMPLES),
            "--generation-deterministic",
            "--workers",
            "1",
            "--header",
            f"Authorization: Bearer {token}",
            "--request-timeout",
            "30",
            "--report",
            "json",
            "--report-json-path",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
        cwd=config.parent,
    )
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-4000:]
    return run.stdout


def test_every_operation_survives_fuzzing_and_matches_the_schema(
    live_server, fuzz_target, served, client, tmp_path
):
    key, token = fuzz_target
    config = tmp_path / "schemathesis.toml"
    # The campaign's key is not guessable from the schema: give it to every
    # operation with inputs of its own; the form token (no other input) tries any.
    config.write_text(
        "[[operations]]\n"
        "include-path-regex = '\\{key\\}/(signatures/|stats/|embed/)?$'\n"
        f'parameters = {{ key = "{key}" }}\n',
        encoding="utf-8",
    )
    report = tmp_path / "report.json"
    schema_url = f"{live_server.url}/api/v1/schema/?format=json"

    output = schemathesis(schema_url, token, config, report)

    summary = json.loads(report.read_text(encoding="utf-8"))
    expected = operations(client, key)
    figures = {operation: served[operation] for operation in expected}
    accepted = summary["valid_rates"]
    print(output[-3000:], json.dumps([figures, accepted], indent=1))  # noqa: T201
    assert summary["operations"]["tested"] == len(expected)
    assert summary["test_cases"]["with_failures"] == 0
    assert summary["failures"] == [] and summary["errors"] == []
    assert all(count >= EXAMPLES for count in figures.values()), figures
    assert Signature.objects.count() > 1
