"""Signs of a bot: a filled trap field, and a form sent too soon after it was shown.

Every form carries a signed form token recording when it was rendered and for
which campaign. A signing that looks automated is still stored, flagged with the
reason (so it is reviewable and not counted), and gets the ordinary reply.
"""

from __future__ import annotations

import time

from django.core import signing

from campaigns.conf import conf
from campaigns.models import Signature

SALT = "undersign.form_token"
# A name form-filling bots like to fill; people never see the field.
HONEYPOT_FIELD = "website"
# The hidden field carrying the form token (when the form was rendered).
FORM_STAMP_FIELD = "form_token"


def issue_form_token(public_key: str, now: float | None = None) -> str:
    """Return a token for a form of the campaign `public_key` rendered at `now`."""
    issued = time.time() if now is None else now
    return signing.dumps([public_key, round(issued, 3)], salt=SALT)


def form_token_issued(
    token: str, public_key: str, now: float | None = None
) -> float | None:
    """Return when `token` was issued, or `None` unless it is genuine, unexpired
    and for `public_key`."""
    try:
        key, issued = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if key != public_key or not isinstance(issued, int | float):
        return None
    age = (time.time() if now is None else now) - issued
    return float(issued) if age <= conf.FORM_TOKEN_MAX_AGE else None


def bot_reason(
    *, public_key: str, token: str, honeypot: str, now: float | None = None
) -> str:
    """Return why a signing looks automated (a `Signature.Reason`), or "" if not.

    A missing token is accepted unless `UNDERSIGN_FORM_TOKEN_REQUIRED`: widget
    1.0.0 and API clients written before tokens existed send none.
    """
    if honeypot and conf.HONEYPOT:
        return Signature.Reason.HONEYPOT
    if not token:
        return Signature.Reason.BAD_TOKEN if conf.FORM_TOKEN_REQUIRED else ""
    now = time.time() if now is None else now
    issued = form_token_issued(token, public_key, now)
    if issued is None:
        return Signature.Reason.BAD_TOKEN
    if now - issued < conf.MIN_FILL_SECONDS:
        return Signature.Reason.TOO_FAST
    return ""
