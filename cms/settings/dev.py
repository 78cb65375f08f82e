"""Local development: debug on, console email, fixed development keys."""

import logging
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


# `make run`'s console is for emails and warnings: the task worker (which sets
# its own logger to INFO) would print two lines for every search-index and
# reference-index job. The console drops task records below WARNING.
def _not_task_chatter(record: logging.LogRecord) -> bool:
    return not (
        record.name.startswith("django_tasks") and record.levelno < logging.WARNING
    )


_logging = cast(dict[str, Any], LOGGING)  # noqa: F405
_logging["filters"]["not_task_chatter"] = {
    "()": "django.utils.log.CallbackFilter",
    "callback": _not_task_chatter,
}
_logging["handlers"]["console"]["filters"].append("not_task_chatter")
