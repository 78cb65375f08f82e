"""The plugin's one URLconf: include it at the site root, before Wagtail's pages.

Other apps of the plugin (the widget) add their public routes through the Wagtail
hook `undersign_public_urls`: each registered function returns URL patterns that
are appended here, so a site still includes only this URLconf and `campaigns`
never imports them.
"""

from __future__ import annotations

from django.urls import include, path
from wagtail import hooks

from campaigns.views.links import ConfirmView, WithdrawView

PUBLIC_URLS_HOOK = "undersign_public_urls"

urlpatterns = [
    path("api/v1/", include("campaigns.api.urls")),
    path("sign/confirm/<str:token>/", ConfirmView.as_view(), name="undersign_confirm"),
    path(
        "sign/withdraw/<str:token>/", WithdrawView.as_view(), name="undersign_withdraw"
    ),
]

for _public_urls in hooks.get_hooks(PUBLIC_URLS_HOOK):
    urlpatterns += _public_urls()
