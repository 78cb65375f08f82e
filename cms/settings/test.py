"""The test suite: fixed keys, fast hashing, tasks run at once."""

import os
import tempfile
from pathlib import Path

from corsheaders.defaults import default_headers

from cms.settings.dev import *  # noqa: F403
from cms.settings.dev import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
UNDERSIGN_ENCRYPTION_KEYS = [
    "dGVzdC1rZXktbmV3ZXN0LXRlc3Qta2V5LW5ld2VzdDE=",
    "dGVzdC1rZXktb2xkZXItLXRlc3Qta2V5LW9sZGVyLTE=",
]
UNDERSIGN_BLIND_INDEX_KEY = "test-blind-index-key"
UNDERSIGN_DEV_SEED = False
# Export files of a test run go to a directory of their own, made when first used.
UNDERSIGN_EXPORT_DIR = Path(tempfile.gettempdir()) / f"undersign-exports-{os.getpid()}"
# The silent defences are off unless a test turns one on: throttle buckets and a
# minimum fill time would otherwise leak between tests and silently skew counts.
UNDERSIGN_THROTTLE_RATES = dict.fromkeys(
    [
        "client_burst",
        "client_sustained",
        "campaign_burst",
        "campaign_sustained",
        "your_data_client",
    ]
)
UNDERSIGN_MIN_FILL_SECONDS = 0
# A refresh thread would read outside the test's transaction; the tests of it
# turn it on and commit.
UNDERSIGN_REFRESH_BEHIND = False
ALLOWED_HOSTS = ["*"]
# The suite runs as a host with django-cors-headers' defaults: the current widget
# must need nothing more (cms/settings/base.py allows a header old releases send).
CORS_ALLOW_HEADERS = default_headers
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if env.str("REDIS_URL", default=""):
    # One prefix per run, so parallel or repeated runs never share counters.
    CACHES["default"]["KEY_PREFIX"] = f"undersign-test-{os.getpid()}"  # noqa: F405
# Static files come from the app finders; no collectstatic before a test run.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Wagtail's editor pings its editing session every 10 s; in a browser test a ping
# still in flight when the test's database is flushed writes into the flush (the
# live server shares the in-memory SQLite connection). Editors here ping on load only.
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
