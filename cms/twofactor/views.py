"""The two steps after a password: set up an authenticator, or verify a code."""

from __future__ import annotations

from typing import Any

import django_otp
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.twofactor.devices import (
    confirm_authenticator,
    pending_authenticator,
    qr_svg,
    secret_of,
)
from cms.twofactor.forms import CodeForm
from cms.twofactor.steps import safe_next, step_url

WRONG_CODE = _("That code is not right. Check the time on your phone and try again.")


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class TwoFactorStep(LoginRequiredMixin, View):
    login_url = reverse_lazy("wagtailadmin_login")
    template_name = ""

    def render(self, form: CodeForm, **context: Any) -> HttpResponse:
        context.update(
            form=form,
            next=safe_next(self.request),
            redirect_field_name=REDIRECT_FIELD_NAME,
        )
        return render(self.request, self.template_name, context)


class SetupView(TwoFactorStep):
    """Show a new authenticator's QR code; a right code confirms it."""

    template_name = "twofactor/setup.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        # Someone holding only the password must not swap in their own phone.
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and django_otp.user_has_device(user, confirmed=True)
        ):
            return HttpResponseRedirect(step_url(request, safe_next(request)))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(CodeForm(), pending_authenticator(request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = CodeForm(request.POST)
        device = pending_authenticator(request.user)
        if form.is_valid() and device.verify_token(form.cleaned_data["code"]):
            codes = confirm_authenticator(device)
            django_otp.login(request, device)
            return render(
                request,
                "twofactor/backup_codes.html",
                {"codes": codes, "next": safe_next(request)},
            )
        if form.is_valid():
            form.add_error("code", WRONG_CODE)
        return self._page(form, device)

    def _page(self, form: CodeForm, device: TOTPDevice) -> HttpResponse:
        return self.render(form, qr_svg=qr_svg(device), secret=secret_of(device))


class VerifyView(TwoFactorStep):
    """Ask for a code from the authenticator, or a backup code (used up once)."""

    template_name = "twofactor/verify.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if not django_otp.user_has_device(request.user, confirmed=True):
            return HttpResponseRedirect(step_url(request, safe_next(request)))
        return self.render(CodeForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = CodeForm(request.POST)
        if form.is_valid():
            device = django_otp.match_token(request.user, form.cleaned_data["code"])
            if device is not None:
                django_otp.login(request, device)
                return HttpResponseRedirect(safe_next(request))
            form.add_error("code", WRONG_CODE)
        return self.render(form)
