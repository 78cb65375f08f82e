"""docs/privacy.md: each promise is on the signers' page and names real tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "privacy.md").read_text()
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def _promises() -> list[str]:
    return [line[3:] for line in DOC.splitlines() if line.startswith("## ")]


def _test_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_every_promise_names_a_test():
    sections = DOC.split("\n## ")[1:]

    assert len(sections) >= 10
    assert all(REFERENCE.search(section) for section in sections)


@pytest.mark.parametrize(("path", "name"), REFERENCE.findall(DOC))
def test_every_referenced_test_exists(path, name):
    assert name in _test_names(ROOT / path)


def test_every_promise_is_on_the_signers_privacy_page(client, db):
    html = client.get("/privacy/").content.decode()

    missing = [promise for promise in _promises() if promise not in html]

    assert missing == []
