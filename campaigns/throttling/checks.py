"""Start-up checks of the defences' settings: a typo must not fail every signing."""

from __future__ import annotations

import ipaddress

from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured

from campaigns.conf import conf
from campaigns.throttling.limits import SCOPES, parse_rate


def defence_errors() -> list[Error]:
    """Return an error for each unreadable throttle rate or trusted proxy network."""
    errors = []
    for scope, text in conf.THROTTLE_RATES.items():
        try:
            if scope not in SCOPES:
                raise ImproperlyConfigured(
                    f"UNDERSIGN_THROTTLE_RATES: unknown {scope!r}."
                )
            if text:
                parse_rate(text)
        except ImproperlyConfigured as error:
            errors.append(
                Error(
                    str(error),
                    hint=f"Limits are {', '.join(SCOPES)}; set one to None for none.",
                    id="undersign_campaigns.E020",
                )
            )
    for network in conf.TRUSTED_PROXIES:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            errors.append(
                Error(
                    f"UNDERSIGN_TRUSTED_PROXIES: {network!r} is not a network.",
                    hint="Write networks like 10.0.0.0/8 or 2001:db8::/32.",
                    id="undersign_campaigns.E021",
                )
            )
    return errors
