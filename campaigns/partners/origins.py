"""Partner origins: the exact `scheme://host[:port]` a browser sends as `Origin`."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SCHEMES = {"http": 80, "https": 443}
# A DNS name (letters, digits, hyphens; punycode for other scripts), IPv4 or
# bracketed IPv6: what can follow the scheme in an Origin header.
LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
HOST = re.compile(rf"^(?:(?:{LABEL}\.)*{LABEL}|\[[0-9a-f:.]+\])$")


def normalize_origin(value: str) -> str:
    """Return `value` as a lowercase origin without default port; raise if not one.

    Refuses paths, queries, fragments, user names, wildcards and schemes other
    than http and https, each with a message that says which.
    """
    text = value.strip()
    if "*" in text:
        raise ValidationError(_("Wildcards are not allowed: list each site."))
    if "://" not in text:
        raise ValidationError(_("Start with http:// or https://."))
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise ValidationError(_("Only http:// and https:// origins can embed."))
    if "@" in parts.netloc:
        raise ValidationError(_("Leave out user names and passwords."))
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValidationError(
            _("An origin has no path, query or fragment: only scheme, host and port.")
        )
    host = parts.netloc.rpartition(":")[0] if _has_port(parts.netloc) else parts.netloc
    host = host.lower()
    if not HOST.fullmatch(host):
        raise ValidationError(_("This is not a valid host name."))
    try:
        port = parts.port
    except ValueError:
        raise ValidationError(_("The port must be a number up to 65535.")) from None
    if port is None or port == SCHEMES[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _has_port(netloc: str) -> bool:
    # `[::1]` ends in a bracket, `[::1]:8000` and `example.org:8000` in a port.
    return ":" in netloc.rpartition("]")[2]


def clean_origins(text: str) -> str:
    """Return `text`'s origins normalized, one per line, duplicates dropped.

    Raises one `ValidationError` listing every bad line by its number.
    """
    origins: list[str] = []
    errors: list[ValidationError] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            origin = normalize_origin(line)
        except ValidationError as error:
            errors.extend(
                ValidationError(
                    _("Line %(line)d (%(value)s): %(error)s")
                    % {"line": number, "value": line.strip(), "error": message}
                )
                for message in error.messages
            )
            continue
        if origin not in origins:
            origins.append(origin)
    if errors:
        raise ValidationError(errors)
    return "\n".join(origins)
