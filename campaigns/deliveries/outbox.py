"""What each event in a signature's life owes the world, as outbox rows.

Every function here runs inside the transaction that changed the signature, so a
delivery exists exactly when its cause was committed. Rows carry ids only.
"""

from __future__ import annotations

from campaigns.models import (
    CampaignPage,
    ConsentVersion,
    Delivery,
    Signature,
    SignatureConsent,
)

EMAIL_THANKS = "email_thanks"
EMAIL_CONFIRM = "email_confirm"
EMAIL_ALREADY_SIGNED = "email_already_signed"
EMAIL_YOUR_DATA = "email_your_data"
EMAIL_KINDS = (EMAIL_THANKS, EMAIL_CONFIRM, EMAIL_ALREADY_SIGNED, EMAIL_YOUR_DATA)
WEBHOOK_SIGNATURE = "webhook_signature"
WEBHOOK_WITHDRAWAL = "webhook_withdrawal"


def _consented_webhook_partners(signature: Signature) -> list[int]:
    return list(
        SignatureConsent.objects.filter(
            signature=signature, version__kind=ConsentVersion.Kind.PARTNER
        )
        .exclude(version__partner__webhook_url="")
        .values_list("version__partner_id", flat=True)
        .distinct()
    )


def _webhooks(
    signature: Signature, kind: str, partner_ids: list[int]
) -> list[Delivery]:
    return [
        Delivery(kind=kind, signature=signature, partner_id=partner_id)
        for partner_id in partner_ids
    ]


def signed_deliveries(
    signature: Signature, page: CampaignPage, webhook_partners: list[int] | None = None
) -> list[Delivery]:
    """A new signature's outbox rows, unsaved: its email, and its webhooks unless
    it awaits confirmation.

    `webhook_partners` are the ids of the partners with a webhook whose box the
    signer ticked, when the caller has them in hand; else they are read from the
    stored consents.
    """
    rows = [
        Delivery(
            kind=EMAIL_CONFIRM if page.double_opt_in else EMAIL_THANKS,
            signature=signature,
        )
    ]
    if not page.double_opt_in:
        if webhook_partners is None:
            webhook_partners = _consented_webhook_partners(signature)
        rows += _webhooks(signature, WEBHOOK_SIGNATURE, webhook_partners)
    return rows


def queue_signed(
    signature: Signature, page: CampaignPage, webhook_partners: list[int] | None = None
) -> None:
    """Queue a new, stored signature's email and webhooks (`signed_deliveries`)."""
    Delivery.objects.bulk_create(signed_deliveries(signature, page, webhook_partners))


def queue_repeat(existing: Signature, language: str) -> None:
    """Someone submitted an address that already signed: tell that address, in
    the `language` of the form they used this time."""
    Delivery.objects.create(
        kind=EMAIL_ALREADY_SIGNED, signature=existing, language=language
    )


def queue_confirmed(signature: Signature) -> None:
    """A double opt-in signature was confirmed: now its partners may hear of it."""
    partners = _consented_webhook_partners(signature)
    Delivery.objects.bulk_create(_webhooks(signature, WEBHOOK_SIGNATURE, partners))


def queue_withdrawn(signature: Signature) -> None:
    """A signature was withdrawn: tell every partner that was sent it."""
    partners = list(
        Delivery.objects.filter(signature=signature, kind=WEBHOOK_SIGNATURE)
        .values_list("partner_id", flat=True)
        .distinct()
    )
    Delivery.objects.bulk_create(_webhooks(signature, WEBHOOK_WITHDRAWAL, partners))


def queue_your_data(signature: Signature) -> None:
    """Someone asked for a "your data" link: mail it to `signature`'s address."""
    Delivery.objects.create(kind=EMAIL_YOUR_DATA, signature=signature)
