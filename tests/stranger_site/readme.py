"""The README's install section as data: its tagged code blocks, verbatim."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION = "## Installing the plugin into an existing Wagtail site"
BLOCK = re.compile(
    r"^```(?P<lang>\w+) (?P<tag>[\w-]+)\n(?P<body>.*?)^```$", re.M | re.S
)


def install_blocks() -> dict[str, str]:
    """Return `{tag: code}` for the tagged blocks of the install section."""
    text = README.read_text()
    section = text[text.index(SECTION) :]
    following = section.find("\n## ", len(SECTION))
    if following != -1:
        section = section[:following]
    return {m["tag"]: m["body"] for m in BLOCK.finditer(section)}


def commands(block: str) -> list[list[str]]:
    """Return the shell commands of a block, each split into words."""
    return [shlex.split(line) for line in block.splitlines() if line.strip()]
