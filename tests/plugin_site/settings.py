"""A bare Wagtail site that adds Undersign exactly as its documentation says.

Nothing here comes from `cms/`: if the plugin needs more than the documented
apps, middleware and URLconf line, the install test fails.
"""

from __future__ import annotations

import os
from pathlib import Path

SECRET_KEY = "plugin-site-test-only"  # noqa: S105 - a throwaway test site
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost"]
ROOT_URLCONF = "tests.plugin_site.urls"

INSTALLED_APPS = [
    # Undersign, as documented.
    "campaigns.apps.CampaignsConfig",
    "widget.apps.WidgetConfig",
    "wagtail.contrib.routable_page",
    "rest_framework",
    "drf_spectacular_sidecar",
    "corsheaders",
    # A stock Wagtail site.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",  # documented: before CommonMiddleware
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": Path(os.environ.get("PLUGIN_SITE_DB", ":memory:")),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
STATIC_URL = "/static/"
WAGTAIL_SITE_NAME = "Someone else's site"
WAGTAILADMIN_BASE_URL = "http://localhost"

# Undersign's own settings, as documented (test-only keys).
UNDERSIGN_ENCRYPTION_KEYS = ["cGx1Z2luLXNpdGUta2V5LXBsdWdpbi1zaXRlLWtleTE="]
UNDERSIGN_BLIND_INDEX_KEY = "plugin-site-blind-index-key"
