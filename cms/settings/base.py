"""Settings shared by every environment; everything comes from environment variables."""

from __future__ import annotations

from pathlib import Path

import environ
from corsheaders.defaults import default_headers as cors_default_headers
from django.conf import locale

from cms.settings.database import database_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "cms",
    "widget.apps.WidgetConfig",
    "campaigns.apps.CampaignsConfig",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_env(env.str("DATABASE_URL", default=""), BASE_DIR)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="undersign"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

# Haitian Creole is one of New York City's designated languages but is missing
# from Django's language table.
locale.LANG_INFO.setdefault(
    "ht",
    {"bidi": False, "code": "ht", "name": "Haitian Creole", "name_local": "Kreyòl"},
)

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("ru", "Русский"),
    ("bn", "বাংলা"),
    ("ht", "Kreyòl ayisyen"),
    ("ko", "한국어"),
    ("ar", "العربية"),
    ("ur", "اردو"),
    ("fr", "Français"),
    ("pl", "Polski"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

WAGTAIL_SITE_NAME = env.str("SITE_NAME", default="Undersign")
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Undersign API",
    "DESCRIPTION": "Public campaign, signing and statistics endpoints.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["campaigns.api.schema.public_paths_only"],
    # The docs page serves Swagger UI from our own static files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# CORS is decided per request by the plugin (see campaigns/api/cors.py); only
# the public API is ever considered.
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_CREDENTIALS = False
# A signing sends JSON with an optional client-made idempotency key.
CORS_ALLOW_HEADERS = (*cors_default_headers, "idempotency-key")

# The plugin's own settings (read through campaigns/conf.py).
UNDERSIGN_ENCRYPTION_KEYS = env.list("UNDERSIGN_ENCRYPTION_KEYS", default=[])
UNDERSIGN_BLIND_INDEX_KEY = env.str("UNDERSIGN_BLIND_INDEX_KEY", default="")
UNDERSIGN_COUNT_STALENESS = env.int("UNDERSIGN_COUNT_STALENESS", default=5)
# Links in signers' emails (confirm, "it wasn't me") start with this address.
UNDERSIGN_SITE_URL = env.str("UNDERSIGN_SITE_URL", default=WAGTAILADMIN_BASE_URL)
UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = env.int(
    "UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY", default=3
)
UNDERSIGN_CONFIRMATION_DAYS = env.int("UNDERSIGN_CONFIRMATION_DAYS", default=7)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default=f"{WAGTAIL_SITE_NAME} <petitions@localhost>"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
