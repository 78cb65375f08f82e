"""The two steps, mounted under the admin's prefix by the site's URLconf."""

from __future__ import annotations

from django.urls import path

from cms.twofactor.views import SetupView, VerifyView

urlpatterns = [
    path("setup/", SetupView.as_view(), name="undersign_2fa_setup"),
    path("verify/", VerifyView.as_view(), name="undersign_2fa_verify"),
]
