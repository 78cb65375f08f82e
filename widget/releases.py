"""Immutable per-release copies of the script, pinned by partners with SRI.

`widget/releases/undersign-<version>.js` never changes once written; its
`sha384-…` hash is recorded in `manifest.json`. A changed script needs a new
`widget.__version__` and a new release.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from widget import __version__
from widget.conf import releases_dir, script_path

MANIFEST = "manifest.json"


class ReleaseExists(Exception):
    """A release of this version exists with different content: bump the version."""


def integrity(content: bytes) -> str:
    """Return the Subresource Integrity value (`sha384-…`) of `content`."""
    return "sha384-" + base64.b64encode(hashlib.sha384(content).digest()).decode()


def release_file(version: str) -> Path:
    return releases_dir() / f"undersign-{version}.js"


def manifest() -> dict[str, str]:
    """Return `{version: integrity}` for every recorded release."""
    path = releases_dir() / MANIFEST
    return json.loads(path.read_text()) if path.exists() else {}


def release_current(version: str = __version__) -> str:
    """Copy the current script to the release of `version`; return its integrity.

    Idempotent for identical content; raises `ReleaseExists` rather than change a
    published release.
    """
    content = script_path().read_bytes()
    target = release_file(version)
    if target.exists() and target.read_bytes() != content:
        raise ReleaseExists(version)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    recorded = manifest()
    recorded[version] = integrity(content)
    (releases_dir() / MANIFEST).write_text(
        json.dumps(recorded, indent=2, sort_keys=True) + "\n"
    )
    return recorded[version]


def release_problems(version: str = __version__) -> list[str]:
    """Return what is wrong with the releases; empty when all is consistent.

    The current script must equal the release of `version`, and every release
    must still match the hash recorded when it was made.
    """
    problems = []
    current = release_file(version)
    if not current.exists():
        problems.append(f"no release of {version}: run undersign_widget_release")
    elif current.read_bytes() != script_path().read_bytes():
        problems.append(
            f"the script differs from release {version}: bump widget.__version__ "
            "and run undersign_widget_release"
        )
    recorded = manifest()
    for path in sorted(releases_dir().glob("undersign-*.js")):
        release = path.name.removeprefix("undersign-").removesuffix(".js")
        if recorded.get(release) != integrity(path.read_bytes()):
            problems.append(f"release {release} does not match its recorded hash")
    return problems
