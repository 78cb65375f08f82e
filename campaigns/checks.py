"""System checks for the plugin's settings, with stable ids."""

from __future__ import annotations

import binascii
from typing import Any

from cryptography.fernet import Fernet
from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError

from campaigns.conf import conf
from campaigns.throttling.checks import defence_errors


@register()
def check_encryption_keys(**kwargs: Any) -> list[Error]:
    """Return an error unless at least one valid Fernet key is configured."""
    keys = conf.ENCRYPTION_KEYS
    if not keys:
        return [
            Error(
                "UNDERSIGN_ENCRYPTION_KEYS is empty: signer identifiers cannot be "
                "stored.",
                hint="Set one or more keys from Fernet.generate_key(), newest first.",
                id="undersign_campaigns.E001",
            )
        ]
    errors = []
    for position, key in enumerate(keys):
        try:
            Fernet(key)
        except (ValueError, binascii.Error):
            errors.append(
                Error(
                    f"UNDERSIGN_ENCRYPTION_KEYS[{position}] is not a valid Fernet key.",
                    hint="A key is 32 bytes, url-safe base64 encoded.",
                    id="undersign_campaigns.E002",
                )
            )
    return errors


@register()
def check_blind_index_key(**kwargs: Any) -> list[Error]:
    """Return an error unless the blind index key is long enough to resist guessing."""
    if len(conf.BLIND_INDEX_KEY) < 16:
        return [
            Error(
                "UNDERSIGN_BLIND_INDEX_KEY must be at least 16 characters.",
                hint="It keys the hash that finds a repeated email without storing it.",
                id="undersign_campaigns.E003",
            )
        ]
    return []


@register()
def check_count_staleness(**kwargs: Any) -> list[Error]:
    if not 0 <= conf.COUNT_STALENESS <= 60:
        return [
            Error(
                "UNDERSIGN_COUNT_STALENESS must be between 0 and 60 seconds.",
                id="undersign_campaigns.E004",
            )
        ]
    return []


@register()
def check_defences(**kwargs: Any) -> list[Error]:
    """Return errors for throttle rates or trusted proxies that would break signing."""
    return defence_errors()


# What the README's install section adds to a host's settings, and why.
REQUIRED_APPS = {
    "wagtail.contrib.routable_page": "the hosted page's partner and thanks routes",
    "rest_framework": "the API",
    "drf_spectacular_sidecar": "the API docs page's assets, served without a CDN",
    "corsheaders": "signing and reading from partners' sites",
}
CORS_MIDDLEWARE = "corsheaders.middleware.CorsMiddleware"


@register()
def check_install(**kwargs: Any) -> list[Error]:
    """Return an error for each app or middleware the install section adds but
    the site lacks, naming exactly what to add.
    """
    errors = [
        Error(
            f'Undersign needs "{name}" in INSTALLED_APPS ({why}).',
            hint="See the README, 'Installing the plugin into an existing Wagtail "
            "site'.",
            id="undersign_campaigns.E005",
        )
        for name, why in REQUIRED_APPS.items()
        if not apps.is_installed(name)
    ]
    if CORS_MIDDLEWARE not in settings.MIDDLEWARE:
        errors.append(
            Error(
                f'Undersign needs "{CORS_MIDDLEWARE}" in MIDDLEWARE, before '
                "CommonMiddleware.",
                hint='MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")',
                id="undersign_campaigns.E006",
            )
        )
    return errors


@register(Tags.database, deploy=True)
def check_worker(databases: Any = None, **kwargs: Any) -> list[Warning]:
    """Warn when deliveries or periodic jobs are overdue: no worker is running.

    Runs with `manage.py check --deploy --database default`.
    """
    if not databases:
        return []
    from campaigns.worker import overdue  # needs the app registry ready

    try:
        problems = overdue()
    except DatabaseError:  # not migrated yet: `migrate` says so itself
        return []
    return [
        Warning(
            f"Undersign: {problem}.",
            hint="Keep `manage.py undersign_worker` running (docs/deliveries.md).",
            id="undersign_campaigns.W001",
        )
        for problem in problems
    ]
