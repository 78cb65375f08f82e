"""Settings for the app servers the scaling tests start: the test settings, with
one cache prefix and a file outbox for emails shared by every server of a test."""

from __future__ import annotations

from cms.settings.test import *  # noqa: F403
from cms.settings.test import CACHES, UNDERSIGN_THROTTLE_RATES, env

# The test settings prefix Redis keys per process; servers standing for machines
# behind one load balancer must share the cache, so the test names the prefix.
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX")
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH")
# One client limit for every server of a test, to prove the servers share it.
UNDERSIGN_THROTTLE_RATES = {
    **UNDERSIGN_THROTTLE_RATES,
    "client_burst": env.str("UNDERSIGN_THROTTLE_CLIENT_BURST"),
}
