"""The plugin's settings, typed and read at call time so tests can override them."""

from __future__ import annotations

from django.conf import settings


class Settings:
    """Every `UNDERSIGN_*` setting with its default."""

    @property
    def ENCRYPTION_KEYS(self) -> list[str]:  # noqa: N802
        """Fernet keys, newest first; the first encrypts, all decrypt."""
        return list(getattr(settings, "UNDERSIGN_ENCRYPTION_KEYS", []))

    @property
    def BLIND_INDEX_KEY(self) -> str:  # noqa: N802
        return str(getattr(settings, "UNDERSIGN_BLIND_INDEX_KEY", ""))

    @property
    def COUNT_STALENESS(self) -> int:  # noqa: N802
        """Seconds a public count may lag behind the database."""
        return int(getattr(settings, "UNDERSIGN_COUNT_STALENESS", 5))

    @property
    def MAX_BODY_BYTES(self) -> int:  # noqa: N802
        """Largest signing request body accepted, in bytes."""
        return int(getattr(settings, "UNDERSIGN_MAX_BODY_BYTES", 16 * 1024))

    @property
    def CONFIRMATION_DAYS(self) -> int:  # noqa: N802
        """Days a double opt-in signature may wait for confirmation."""
        return int(getattr(settings, "UNDERSIGN_CONFIRMATION_DAYS", 7))

    @property
    def DELIVERY_LEASE_SECONDS(self) -> int:  # noqa: N802
        return int(getattr(settings, "UNDERSIGN_DELIVERY_LEASE_SECONDS", 60))

    @property
    def DELIVERY_MAX_ATTEMPTS(self) -> int:  # noqa: N802
        return int(getattr(settings, "UNDERSIGN_DELIVERY_MAX_ATTEMPTS", 12))

    @property
    def EMAILS_PER_ADDRESS_PER_DAY(self) -> int:  # noqa: N802
        """Most emails one address receives from us in any 24 hours."""
        return int(getattr(settings, "UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY", 3))

    @property
    def SITE_URL(self) -> str:  # noqa: N802
        """Scheme and host that links in emails start with (no trailing slash)."""
        url = getattr(settings, "UNDERSIGN_SITE_URL", "") or getattr(
            settings, "WAGTAILADMIN_BASE_URL", ""
        )
        return str(url).rstrip("/")

    @property
    def RECENT_SIGNERS(self) -> int:  # noqa: N802
        """How many recent signers the stats endpoint lists."""
        return int(getattr(settings, "UNDERSIGN_RECENT_SIGNERS", 10))


conf = Settings()
