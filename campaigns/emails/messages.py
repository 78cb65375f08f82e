"""Building a signer's email: subject, plain text and HTML, in their language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy

from campaigns import links
from campaigns.conf import conf
from campaigns.deliveries.outbox import (
    EMAIL_ALREADY_SIGNED,
    EMAIL_CONFIRM,
    EMAIL_THANKS,
)
from campaigns.models import CampaignPage, Signature
from campaigns.models.signature import SignerIdentity

TEMPLATES = {
    EMAIL_THANKS: "thanks",
    EMAIL_CONFIRM: "confirm",
    EMAIL_ALREADY_SIGNED: "already_signed",
}
SUBJECTS = {
    EMAIL_THANKS: gettext_lazy("Thank you for signing: %(title)s"),
    EMAIL_CONFIRM: gettext_lazy("Please confirm your signature: %(title)s"),
    EMAIL_ALREADY_SIGNED: gettext_lazy("You have already signed: %(title)s"),
}


def automatic_email(
    *, subject: str, text: str, html: str, to: str, language: str
) -> EmailMultiAlternatives:
    """Return an email the site sends by itself, marked so (RFC 3834) that
    mail servers and vacation responders do not answer it."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message


def absolute_url(url: str) -> str:
    """Return `url` with the site's scheme and host if it is a bare path."""
    return f"{conf.SITE_URL}{url}" if url.startswith("/") else url


def _context(
    signature: Signature, identity: SignerIdentity, page: CampaignPage
) -> dict[str, Any]:
    context: dict[str, Any] = {
        "page": page,
        "page_url": absolute_url(page.url_in_language() or ""),
        "first_name": identity.first_name,
        "signed_at": signature.created_at,
        "withdraw_url": links.absolute_link(signature, links.WITHDRAW),
        "pending": signature.status == Signature.Status.PENDING,
        "confirmation_days": conf.CONFIRMATION_DAYS,
    }
    if context["pending"]:
        context["confirm_url"] = links.absolute_link(signature, links.CONFIRM)
    return context


def build_message(
    kind: str,
    signature: Signature,
    identity: SignerIdentity,
    page: CampaignPage,
    language: str,
) -> EmailMultiAlternatives:
    """Return the email of `kind` for `signature`, rendered in `language`."""
    name = TEMPLATES[kind]
    with translation.override(language):
        context = _context(signature, identity, page)
        text = render_to_string(f"undersign/email/{name}.txt", context)
        html = render_to_string(f"undersign/email/{name}.html", context)
        subject = SUBJECTS[kind] % {"title": page.title}
        language = translation.get_language()
    return automatic_email(
        subject=subject, text=text, html=html, to=identity.email, language=language
    )
