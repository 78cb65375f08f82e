"""The plugin's one URLconf: include it at the site root, before Wagtail's pages.

Other apps of the plugin (the widget) add their public routes through the Wagtail
hook `undersign_public_urls`: each registered function returns URL patterns that
are appended here, so a site still includes only this URLconf and `campaigns`
never imports them.
"""

from __future__ import annotations

from django.urls import include, path
from wagtail import hooks

from campaigns.views import yourdata
from campaigns.views.links import ConfirmView, WithdrawView
from campaigns.views.privacy import PrivacyView

PUBLIC_URLS_HOOK = "undersign_public_urls"

urlpatterns = [
    path("api/v1/", include("campaigns.api.urls")),
    path("privacy/", PrivacyView.as_view(), name="undersign_privacy"),
    path("sign/confirm/<str:token>/", ConfirmView.as_view(), name="undersign_confirm"),
    path(
        "sign/withdraw/<str:token>/", WithdrawView.as_view(), name="undersign_withdraw"
    ),
    path("your-data/", yourdata.RequestView.as_view(), name="undersign_your_data"),
    path(
        "your-data/<str:token>/",
        yourdata.LinkView.as_view(),
        name="undersign_your_data_link",
    ),
    path(
        "your-data/<str:token>/download/",
        yourdata.DownloadView.as_view(),
        name="undersign_your_data_download",
    ),
    path(
        "your-data/<str:token>/erase/",
        yourdata.EraseView.as_view(),
        name="undersign_your_data_erase",
    ),
]

for _public_urls in hooks.get_hooks(PUBLIC_URLS_HOOK):
    urlpatterns += _public_urls()
