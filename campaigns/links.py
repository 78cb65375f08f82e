"""Signed, expiring tokens for the links in signers' emails.

A token carries only a signature's id; each purpose has its own salt, so a
withdrawal link can never be replayed as a confirmation and the other way round.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.urls import reverse

from campaigns.conf import conf
from campaigns.models import Signature

CONFIRM = "confirm"
WITHDRAW = "withdraw"
_SALTS = {CONFIRM: "undersign.links.confirm", WITHDRAW: "undersign.links.withdraw"}
_ROUTES = {CONFIRM: "undersign_confirm", WITHDRAW: "undersign_withdraw"}
WITHDRAW_DAYS = 365


def max_age(purpose: str) -> timedelta:
    """Return how long a token for `purpose` stays valid."""
    days = conf.CONFIRMATION_DAYS if purpose == CONFIRM else WITHDRAW_DAYS
    return timedelta(days=days)


def make_token(signature: Signature, purpose: str) -> str:
    """Return a token that names `signature` for `purpose` and nothing else."""
    return signing.dumps(signature.pk, salt=_SALTS[purpose])


def signature_for_token(token: str, purpose: str) -> Signature | None:
    """Return the signature a valid, unexpired token names, or `None`."""
    try:
        pk = signing.loads(token, salt=_SALTS[purpose], max_age=max_age(purpose))
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    if not isinstance(pk, int):
        return None
    return Signature.objects.filter(pk=pk).first()


def absolute_link(signature: Signature, purpose: str) -> str:
    """Return the absolute URL of the page that acts on `signature` for `purpose`."""
    path = reverse(_ROUTES[purpose], args=[make_token(signature, purpose)])
    return f"{conf.SITE_URL}{path}"
