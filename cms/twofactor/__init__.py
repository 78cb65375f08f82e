"""Two-factor sign-in for the Wagtail admin (django-otp: TOTP plus backup codes).

It belongs to this site, not to the plugin: a site that installs the plugin keeps
its own sign-in. `UNDERSIGN_ADMIN_REQUIRE_2FA` turns it on (see docs/security.md).
"""
