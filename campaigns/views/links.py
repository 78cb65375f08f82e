"""The pages behind the links in signers' emails: confirm, and "it wasn't me".

GET only shows a button: mail scanners open links before people do, so nothing
changes until the signer presses it (a POST to the same address).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views import View

from campaigns import links
from campaigns.lifecycle import (
    CannotConfirm,
    can_confirm,
    signature_confirm,
    signature_withdraw,
)
from campaigns.models import Signature
from campaigns.views.link_forms import link_button

INVALID_TEMPLATE = "undersign/links/invalid.html"


@method_decorator(link_button, name="dispatch")
class LinkView(View):
    """Resolve the token, then answer in the signer's language."""

    purpose: str
    template_name: str

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        signature = links.signature_for_token(token, self.purpose)
        if signature is None or not self.allowed(signature):
            return self.answer(request, signature, INVALID_TEMPLATE, status=400)
        return self.answer(request, signature, self.template_name, done=False)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        signature = links.signature_for_token(token, self.purpose)
        if signature is None or not self.act(signature):
            return self.answer(request, signature, INVALID_TEMPLATE, status=400)
        return self.answer(request, signature, self.template_name, done=True)

    def allowed(self, signature: Signature) -> bool:
        """Return `True` if the link may still act on `signature`."""
        return True

    def act(self, signature: Signature) -> bool:
        """Change `signature`; return `False` if the link may no longer do so."""
        raise NotImplementedError

    def answer(
        self,
        request: HttpRequest,
        signature: Signature | None,
        template: str,
        *,
        done: bool = False,
        status: int = 200,
    ) -> HttpResponse:
        language = translation.get_language()
        if signature is not None and signature.language:
            language = signature.language
        context = {"done": done, "purpose": self.purpose, "action_url": request.path}
        with translation.override(language):
            return render(request, template, context, status=status)


class ConfirmView(LinkView):
    purpose = links.CONFIRM
    template_name = "undersign/links/confirm.html"

    def allowed(self, signature: Signature) -> bool:
        return can_confirm(signature)

    def act(self, signature: Signature) -> bool:
        try:
            signature_confirm(signature=signature)
        except CannotConfirm:
            return False
        return True


class WithdrawView(LinkView):
    purpose = links.WITHDRAW
    template_name = "undersign/links/withdraw.html"

    def act(self, signature: Signature) -> bool:
        signature_withdraw(signature=signature)
        return True
