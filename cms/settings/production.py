"""Production: every security value comes from the environment, or start-up stops."""

from email.utils import parseaddr

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

from cms.settings.base import *  # noqa: F403
from cms.settings.base import (
    ALLOWED_HOSTS,
    SECRET_KEY,
    UNDERSIGN_BLIND_INDEX_KEY,
    UNDERSIGN_ENCRYPTION_KEYS,
    env,
)

_missing = [
    name
    for name, value in (
        ("SECRET_KEY", SECRET_KEY),
        ("ALLOWED_HOSTS", ALLOWED_HOSTS),
        ("UNDERSIGN_ENCRYPTION_KEYS", UNDERSIGN_ENCRYPTION_KEYS),
        ("UNDERSIGN_BLIND_INDEX_KEY", UNDERSIGN_BLIND_INDEX_KEY),
        # Links in emails and share links are built from it.
        ("BASE_URL", env.str("BASE_URL", default="")),
        # Signers reply to it and mail servers judge it: no made-up default.
        ("DEFAULT_FROM_EMAIL", env.str("DEFAULT_FROM_EMAIL", default="")),
    )
    if not value
]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: "
        + ", ".join(_missing)
        + ". See README.md, 'Running in production'."
    )

# The proxy's header that says a request came in over https, as `HEADER=value`
# (Django's META name); empty when no proxy sits in front, where trusting the
# header would let any client claim https.
_proxy_ssl = env.str("SECURE_PROXY_SSL_HEADER", default="HTTP_X_FORWARDED_PROTO=https")
if _proxy_ssl and "=" not in _proxy_ssl:
    raise ImproperlyConfigured(
        "SECURE_PROXY_SSL_HEADER must look like HTTP_X_FORWARDED_PROTO=https."
    )
SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl.split("=", 1)) if _proxy_ssl else None
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool(
    "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    # Asking browsers to preload HSTS binds the whole domain for months and is
    # an operator's choice (SECURE_HSTS_PRELOAD=true), not a default.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
UNDERSIGN_ADMIN_REQUIRE_2FA = env.bool("UNDERSIGN_ADMIN_REQUIRE_2FA", default=True)
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL")


def _deliverable(sender: str) -> bool:
    """Return `True` if `sender` ("Name <address>" or an address) is an address
    on a real domain: well formed, with a dot in its domain, not localhost."""
    address = parseaddr(sender)[1]
    try:
        validate_email(address)
    except ValidationError:
        return False
    domain = address.rpartition("@")[2].lower()
    return "." in domain and not domain.endswith((".localhost", ".local", ".invalid"))


if not _deliverable(DEFAULT_FROM_EMAIL):
    raise ImproperlyConfigured(
        "DEFAULT_FROM_EMAIL must be a real sender address, such as "
        "'Petitions <petitions@example.org>'; it is where signers' replies go."
    )
