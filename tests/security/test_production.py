"""Production settings: `check --deploy` is clean, HSTS and secure cookies are on."""

from __future__ import annotations

import json

HEADERS_SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get(
    "/widget/v1/undersign.js",
    HTTP_HOST="petitions.example.org",
    HTTP_X_FORWARDED_PROTO="https",
)
print(json.dumps({
    "status": response.status_code,
    "hsts": response.get("Strict-Transport-Security", ""),
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "two_factor": settings.UNDERSIGN_ADMIN_REQUIRE_2FA,
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
}))
"""


def test_check_deploy_is_clean_under_production_settings(run_production):
    result = run_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_sends_hsts_and_secure_cookies_and_requires_2fa(run_production):
    result = run_production("-c", HEADERS_SCRIPT)

    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["status"] == 200
    assert facts["hsts"] == "max-age=31536000; includeSubDomains"
    assert facts["session_secure"] and facts["csrf_secure"]
    assert facts["two_factor"] is True
    assert facts["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_the_proxy_header_and_2fa_are_settings(run_production):
    result = run_production(
        "-c",
        HEADERS_SCRIPT,
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_SCHEME=https",
        UNDERSIGN_ADMIN_REQUIRE_2FA="false",
    )

    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["proxy_header"] == ["HTTP_X_FORWARDED_SCHEME", "https"]
    assert facts["two_factor"] is False
    # The proxy no longer vouches with X-Forwarded-Proto: plain http is redirected.
    assert facts["status"] == 301


def test_a_malformed_proxy_header_stops_start_up(run_production):
    result = run_production(
        "manage.py", "check", SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto"
    )

    assert result.returncode != 0
    assert "SECURE_PROXY_SSL_HEADER must look like" in result.stderr


def test_a_deploy_without_hsts_is_reported(run_production):
    result = run_production(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECURE_HSTS_SECONDS="0",
    )

    assert result.returncode != 0
    assert "security.W004" in result.stderr
