"""Local development: debug on, console email, fixed development keys."""

from typing import Any, cast

from cms.settings.base import *  # noqa: F403
from cms.settings.base import env

DEBUG = True
SECRET_KEY = env.str(
    "SECRET_KEY", default="dev-only-secret-key-never-used-in-production"
)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Development keys: public, so never for real signatures (production refuses to
# start without its own).
UNDERSIGN_ENCRYPTION_KEYS = env.list(
    "UNDERSIGN_ENCRYPTION_KEYS",
    default=["ZGV2LW9ubHkta2V5LWRldi1vbmx5LWtleS1kZXYtb24="],
)
UNDERSIGN_BLIND_INDEX_KEY = env.str(
    "UNDERSIGN_BLIND_INDEX_KEY", default="dev-only-blind-index-key"
)
UNDERSIGN_DEV_SEED = True
# `make run`'s console is for emails and warnings: the task worker would print
# two INFO lines for every search-index and reference-index job.
cast(dict[str, Any], LOGGING["loggers"])["django_tasks"] = {  # noqa: F405
    "level": env.str("TASKS_LOG_LEVEL", default="WARNING")
}
