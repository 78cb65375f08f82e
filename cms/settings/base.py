"""Settings shared by every environment; everything comes from environment variables."""

from __future__ import annotations

from pathlib import Path

import environ
from corsheaders.defaults import default_headers as cors_default_headers
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
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
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
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
    # First: a repeated public read is answered before the rest of the stack.
    "campaigns.api.read_replay.PublicReadReplayMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.headers.ContentSecurityPolicyMiddleware",
    "cms.headers.TokenReferrerPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.twofactor.middleware.AdminTwoFactorMiddleware",
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
    # Django's Redis cache, answered from each process's memory while Redis is
    # down (docs/scaling.md, "Redis"): an outage never fails a request.
    CACHES = {
        "default": {
            "BACKEND": "campaigns.fallback_cache.FallbackRedisCache",
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
# Files browsers ask for at the site root (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "cms" / "root"
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
    "UNAUTHENTICATED_USER": None,
}

# Security headers (docs/security.md, "Headers"). Public pages run no inline
# script; the one inline style (the embed's theme colours) carries a nonce.
# `form-action` stays open: a campaign may send signers on to its own redirect URL
# after the hosted form. Media and static files are served from this origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
    }
}
# Wagtail's admin and the API's Swagger page need inline scripts and styles, so
# they get this looser policy instead (cms/headers.py); still no third party.
ADMIN_CONTENT_SECURITY_POLICY = {
    "PATH_PREFIXES": ["/admin/", "/api/v1/docs/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
    },
}
# No admin page calls another site: no Gravatar, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
SECURE_CONTENT_TYPE_NOSNIFF = True
# Nothing about which petition someone read leaves this site; pages whose URL
# holds a token send no Referer at all (cms/headers.py).
SECURE_REFERRER_POLICY = "same-origin"
# Two-factor sign-in for the admin (cms/twofactor); production turns it on.
UNDERSIGN_ADMIN_REQUIRE_2FA = env.bool("UNDERSIGN_ADMIN_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# CORS is decided per request by the plugin (see campaigns/api/cors.py), from
# the view a path resolves to; no site-wide origin is allowed.
CORS_ALLOW_CREDENTIALS = False
# A signing sends JSON with an optional client-made idempotency key.
CORS_ALLOW_HEADERS = (*cors_default_headers, "idempotency-key")

# The plugin's own settings (read through campaigns/conf.py).
UNDERSIGN_ENCRYPTION_KEYS = env.list("UNDERSIGN_ENCRYPTION_KEYS", default=[])
UNDERSIGN_BLIND_INDEX_KEY = env.str("UNDERSIGN_BLIND_INDEX_KEY", default="")
UNDERSIGN_COUNT_STALENESS = env.int("UNDERSIGN_COUNT_STALENESS", default=5)
# Links in signers' emails (confirm, "it wasn't me") start with this address.
UNDERSIGN_SITE_URL = env.str("UNDERSIGN_SITE_URL", default=WAGTAILADMIN_BASE_URL)
# Per kind of email: thanks, confirmation and "your data" each get this many a
# day; "already signed" notices, which anyone can trigger, their own fewer.
UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY = env.int(
    "UNDERSIGN_EMAILS_PER_ADDRESS_PER_DAY", default=3
)
UNDERSIGN_ALREADY_SIGNED_PER_ADDRESS_PER_DAY = env.int(
    "UNDERSIGN_ALREADY_SIGNED_PER_ADDRESS_PER_DAY", default=1
)
UNDERSIGN_CONFIRMATION_DAYS = env.int("UNDERSIGN_CONFIRMATION_DAYS", default=7)
# Silent defences on signing. Behind proxies or a CDN, say how many append to
# X-Forwarded-For (or which networks they are in), or every client shares one
# address and throttling throttles everyone at once.
UNDERSIGN_TRUSTED_PROXY_COUNT = env.int("UNDERSIGN_TRUSTED_PROXY_COUNT", default=0)
UNDERSIGN_TRUSTED_PROXIES = env.list("UNDERSIGN_TRUSTED_PROXIES", default=[])
# Signings per client and per campaign, "N/second|minute|hour|day"; "off" disables
# a limit; unset keeps the plugin's default (campaigns/conf.py).
UNDERSIGN_THROTTLE_RATES = {
    name: None if rate == "off" else rate
    for name in [
        "client_burst",
        "client_sustained",
        "campaign_burst",
        "campaign_sustained",
        "your_data_client",
    ]
    if (rate := env.str(f"UNDERSIGN_THROTTLE_{name.upper()}", default=""))
}
UNDERSIGN_MIN_FILL_SECONDS = env.float("UNDERSIGN_MIN_FILL_SECONDS", default=3)
UNDERSIGN_FORM_TOKEN_REQUIRED = env.bool("UNDERSIGN_FORM_TOKEN_REQUIRED", default=False)
# Background signer exports: a private directory outside MEDIA_ROOT (never served
# as static or media), how long a file may be downloaded, and the largest export
# streamed straight to the browser.
UNDERSIGN_EXPORT_DIR = env.path(
    "UNDERSIGN_EXPORT_DIR", default=BASE_DIR / "var" / "exports"
)
UNDERSIGN_EXPORT_TTL_HOURS = env.int("UNDERSIGN_EXPORT_TTL_HOURS", default=24)
UNDERSIGN_EXPORT_STREAM_MAX_ROWS = env.int(
    "UNDERSIGN_EXPORT_STREAM_MAX_ROWS", default=5000
)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default=f"{WAGTAIL_SITE_NAME} <petitions@localhost>"
)

# No signer's email, name or address leaves in a log line or an error report:
# every handler masks emails, IP addresses and link tokens,
# Django's own loggers are routed through them (its defaults print unmasked), and
# error reports hide POST data, cookies, client headers and frame variables.
ADMINS = [(address, address) for address in env.list("ADMINS", default=[])]
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
DEFAULT_EXCEPTION_REPORTER = "campaigns.redaction.SignerSafeExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = (
    "campaigns.redaction.SignerSafeExceptionReporterFilter"
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "personal_data": {"()": "campaigns.redaction.RedactPersonalData"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["personal_data"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Replaces Django's default handlers, which print without the filter;
        # records go on to the root's console.
        "django": {"handlers": ["mail_admins"], "level": LOG_LEVEL, "propagate": True},
        "django.server": {"handlers": [], "propagate": True},
    },
}
