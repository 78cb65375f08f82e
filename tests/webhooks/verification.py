"""The verification code of docs/webhooks.md, extracted and run exactly as written."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"


def documented_verifier() -> Callable[..., bool]:
    """Return `verify_undersign_webhook` from the doc's one Python block."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.DOTALL)
    assert len(blocks) == 1
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], str(DOC), "exec"), namespace)  # noqa: S102 - our own doc
    verify = namespace["verify_undersign_webhook"]
    assert callable(verify)
    return verify
