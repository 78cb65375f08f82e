"""Verifying deliveries as a partner does: with the `standardwebhooks` package, and
with the code of docs/webhooks.md, extracted and run exactly as written."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"


def verifies(secret: str, headers: dict[str, str], body: bytes) -> bool:
    """Return `True` if the Standard Webhooks reference library accepts the request."""
    try:
        Webhook(secret).verify(body, headers)
    except WebhookVerificationError:
        return False
    return True


def documented_receiver() -> Callable[..., Any]:
    """Return `receive_undersign_webhook` from the doc's one Python block."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.DOTALL)
    assert len(blocks) == 1
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], str(DOC), "exec"), namespace)  # noqa: S102 - our own doc
    receive = namespace["receive_undersign_webhook"]
    assert callable(receive)
    return receive
