"""The plugin's settings, typed and read at call time so tests can override them."""

from __future__ import annotations

import tempfile
from pathlib import Path

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
    def REFRESH_BEHIND(self) -> bool:  # noqa: N802
        """Recompute slow cached values (the count) on a thread, not in a request."""
        return bool(getattr(settings, "UNDERSIGN_REFRESH_BEHIND", True))

    @property
    def CACHE_LAYER_SECONDS(self) -> float:  # noqa: N802
        """Seconds each of the three caches a public count passes through keeps
        its value: the count, the read's body and the read's replay. A third of
        `COUNT_STALENESS` each, so together they lag by at most the window.
        """
        return self.COUNT_STALENESS / 3

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
    def PERIODIC_SECONDS(self) -> int:  # noqa: N802
        """Seconds between runs of each periodic job in `undersign_worker`."""
        return int(getattr(settings, "UNDERSIGN_PERIODIC_SECONDS", 300))

    @property
    def OVERDUE_SECONDS(self) -> int:  # noqa: N802
        """Seconds past due after which the admin and `check --deploy` warn that
        deliveries or periodic jobs are not running.
        """
        return int(getattr(settings, "UNDERSIGN_OVERDUE_SECONDS", 900))

    @property
    def EMAILS_PER_ADDRESS_PER_DAY(self) -> int:  # noqa: N802
        """Most emails of one kind (thanks, confirmation, "your data") one address
        receives from us in any 24 hours."""
        return int(getattr(settings, "UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY", 3))

    @property
    def ALREADY_SIGNED_PER_ADDRESS_PER_DAY(self) -> int:  # noqa: N802
        """Most "you have already signed" notices one address receives in 24 hours:
        anyone can trigger them by typing the address."""
        return int(getattr(settings, "UNDERSIGN_ALREADY_SIGNED_PER_ADDRESS_PER_DAY", 1))

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

    @property
    def EXPORT_DIR(self) -> Path:  # noqa: N802
        """Private directory of background exports; never under MEDIA_ROOT."""
        default = Path(tempfile.gettempdir()) / "undersign-exports"
        return Path(getattr(settings, "UNDERSIGN_EXPORT_DIR", default))

    @property
    def EXPORT_TTL_HOURS(self) -> int:  # noqa: N802
        """Hours a background export may be downloaded before it is deleted."""
        return int(getattr(settings, "UNDERSIGN_EXPORT_TTL_HOURS", 24))

    @property
    def EXPORT_STREAM_MAX_ROWS(self) -> int:  # noqa: N802
        """Largest export streamed at once; larger ones run in the background."""
        return int(getattr(settings, "UNDERSIGN_EXPORT_STREAM_MAX_ROWS", 5000))

    @property
    def PAPER_MAX_BYTES(self) -> int:  # noqa: N802
        """Largest paper-signature CSV accepted, in bytes."""
        return int(getattr(settings, "UNDERSIGN_PAPER_MAX_BYTES", 1_000_000))

    @property
    def PAPER_MAX_ROWS(self) -> int:  # noqa: N802
        """Most rows one paper-signature CSV may hold."""
        return int(getattr(settings, "UNDERSIGN_PAPER_MAX_ROWS", 5000))

    @property
    def TRUSTED_PROXY_COUNT(self) -> int:  # noqa: N802
        """Proxies in front of the site that append to X-Forwarded-For (0: none)."""
        return int(getattr(settings, "UNDERSIGN_TRUSTED_PROXY_COUNT", 0))

    @property
    def TRUSTED_PROXIES(self) -> list[str]:  # noqa: N802
        """Networks (CIDR) of proxies whose X-Forwarded-For entries are believed."""
        return list(getattr(settings, "UNDERSIGN_TRUSTED_PROXIES", []))

    @property
    def THROTTLE_RATES(self) -> dict[str, str | None]:  # noqa: N802
        """Signings allowed per client and per campaign, as `"N/period"` or `None`.

        Keys: `client_burst`, `client_sustained`, `campaign_burst`,
        `campaign_sustained`, and `your_data_client` ("your data" link requests);
        a key left out keeps its default.
        """
        rates: dict[str, str | None] = {
            "client_burst": "10/minute",
            "client_sustained": "100/day",
            "campaign_burst": "6000/minute",
            "campaign_sustained": "200000/hour",
            "your_data_client": "5/hour",
        }
        rates.update(getattr(settings, "UNDERSIGN_THROTTLE_RATES", {}))
        return rates

    @property
    def CLIENT_KEY_DAYS(self) -> int:  # noqa: N802
        """Days a client key (and the daily secret behind it) is kept."""
        return int(getattr(settings, "UNDERSIGN_CLIENT_KEY_DAYS", 7))

    @property
    def HONEYPOT(self) -> bool:  # noqa: N802
        """Whether a filled hidden trap field flags a signing."""
        return bool(getattr(settings, "UNDERSIGN_HONEYPOT", True))

    @property
    def MIN_FILL_SECONDS(self) -> float:  # noqa: N802
        """Fewer seconds between showing a form and signing flag it (0: off)."""
        return float(getattr(settings, "UNDERSIGN_MIN_FILL_SECONDS", 3))

    @property
    def FORM_TOKEN_MAX_AGE(self) -> int:  # noqa: N802
        """Seconds a form token stays valid."""
        return int(getattr(settings, "UNDERSIGN_FORM_TOKEN_MAX_AGE", 24 * 60 * 60))

    @property
    def WEBHOOK_SECRET_OVERLAP_HOURS(self) -> float:  # noqa: N802
        """Hours a rotated webhook secret goes on signing beside the new one."""
        return float(getattr(settings, "UNDERSIGN_WEBHOOK_SECRET_OVERLAP_HOURS", 24))

    @property
    def FORM_TOKEN_REQUIRED(self) -> bool:  # noqa: N802
        """Whether a signing without a form token is flagged (else it is accepted)."""
        return bool(getattr(settings, "UNDERSIGN_FORM_TOKEN_REQUIRED", False))


conf = Settings()
