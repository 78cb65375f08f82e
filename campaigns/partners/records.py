"""The records a partner receives, as OSDI 1.x resources the way Action Network
serves them: people, signatures (with their person embedded) and petitions.

The API and the webhooks send the same records. Ids are the partner's opaque ids;
links are absolute, made by the caller's `absolute` function from URLconf paths.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from django.urls import reverse

from campaigns.models import Partner, Signature
from campaigns.partners.opaque_ids import identifier, person_id, signature_id
from campaigns.partners.selectors import PartnerPetition

ORIGIN_SYSTEM = "Undersign"
# OSDI lets a server add fields of its own under a prefix it documents.
CONSENT_FIELD = "undersign:consent"
Absolute = Callable[[str], str]


def osdi_date(value: datetime | None) -> str | None:
    """Return `value` as OSDI writes times: UTC, to the second, with a `Z`."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def link(absolute: Absolute, name: str, *args: str) -> dict[str, str]:
    """Return a HAL link to the OSDI route `name`."""
    return {"href": absolute(reverse(f"undersign_api:{name}", args=args))}


def modified_at(signature: Signature) -> datetime:
    """Return when a listed record last changed: when its signature began to count."""
    return signature.confirmed_at or signature.created_at


def _postal_addresses(signature: Signature, address: str) -> list[dict[str, Any]]:
    entry: dict[str, Any] = {"primary": True}
    if address:
        entry["address_lines"] = address.splitlines()
    if signature.postal_code:
        entry["postal_code"] = signature.postal_code
    if signature.country:
        entry["country"] = signature.country
    return [entry] if len(entry) > 1 else []


def person_record(
    signature: Signature, partner: Partner, absolute: Absolute
) -> dict[str, Any]:
    """Return the OSDI person who made `signature`, a signer who agreed to hear
    from `partner` (so their email's `status` is `subscribed`).
    """
    identity = signature.identity
    person_key = person_id(signature, partner)
    record: dict[str, Any] = {
        "identifiers": [identifier(person_key)],
        "origin_system": ORIGIN_SYSTEM,
        "created_date": osdi_date(signature.created_at),
        "modified_date": osdi_date(modified_at(signature)),
        "preferred_language": signature.language,
    }
    if identity is not None:
        if identity.first_name:
            record["given_name"] = identity.first_name
        if identity.last_name:
            record["family_name"] = identity.last_name
        if identity.email:
            record["email_addresses"] = [
                {"primary": True, "address": identity.email, "status": "subscribed"}
            ]
        if identity.phone:
            record["phone_numbers"] = [{"primary": True, "number": identity.phone}]
        if identity.answers:
            # OSDI's custom fields are strings; a ticked checkbox is "true".
            record["custom_fields"] = {
                key: str(value).lower() if isinstance(value, bool) else value
                for key, value in identity.answers.items()
            }
    addresses = _postal_addresses(signature, identity.address if identity else "")
    if addresses:
        record["postal_addresses"] = addresses
    record["_links"] = {"self": link(absolute, "osdi-person", person_key)}
    return record


def _referrer_data(signature: Signature) -> dict[str, str]:
    source = signature.source or {}
    data = {}
    if source.get("utm_source"):
        data["source"] = source["utm_source"]
    if signature.partner_key:
        data["referrer"] = signature.partner_key
    if source.get("referrer"):
        data["url"] = source["referrer"]
        data["website"] = urlsplit(source["referrer"]).hostname or ""
    return data


def _consent(signature: Signature) -> dict[str, str] | None:
    # Set by `consenting_signatures`: the consent given to this partner only.
    consents = getattr(signature, "partner_consents", [])
    if not consents:
        return None
    version = consents[0].version
    return {
        "text": version.text,
        "language": version.language,
        "version": version.digest,
    }


def signature_record(
    signature: Signature, partner: Partner, absolute: Absolute
) -> dict[str, Any]:
    """Return the OSDI signature of a row from `consenting_signatures`, its person
    embedded, and the consent text the signer ticked as `undersign:consent`.
    """
    petition_key = signature.campaign.public_key
    own_id = signature_id(signature, partner)
    identity = signature.identity
    record: dict[str, Any] = {
        "identifiers": [identifier(own_id)],
        "origin_system": ORIGIN_SYSTEM,
        "created_date": osdi_date(signature.created_at),
        "modified_date": osdi_date(modified_at(signature)),
        "action_date": osdi_date(signature.created_at),
    }
    if identity is not None and identity.comment:
        record["comments"] = identity.comment
    record["referrer_data"] = _referrer_data(signature)
    record[CONSENT_FIELD] = _consent(signature)
    record["_links"] = {
        "self": link(absolute, "osdi-signature", petition_key, own_id),
        "osdi:petition": link(absolute, "osdi-petition", petition_key),
        "osdi:person": link(absolute, "osdi-person", person_id(signature, partner)),
    }
    record["_embedded"] = {"osdi:person": person_record(signature, partner, absolute)}
    return record


def deletion_notice(signature: Signature, partner: Partner) -> dict[str, Any]:
    """Return the notice that a signer `partner` was sent withdrew or was erased:
    the ids to delete, and no personal data.
    """
    return {
        "action": "deleted",
        "deleted_date": osdi_date(signature.withdrawn_at),
        "osdi:signature": {
            "identifiers": [identifier(signature_id(signature, partner))]
        },
        "osdi:person": {"identifiers": [identifier(person_id(signature, partner))]},
        "osdi:petition": {"identifiers": [identifier(signature.campaign.public_key)]},
    }


def petition_record(
    petition: PartnerPetition, absolute: Absolute, total_signatures: int
) -> dict[str, Any]:
    """Return the OSDI petition of one of a partner's campaigns, in its page's
    language; its id is the campaign's permanent public key.
    """
    page, key = petition.page, petition.campaign.public_key
    record: dict[str, Any] = {
        "identifiers": [identifier(key)],
        "origin_system": ORIGIN_SYSTEM,
        "created_date": osdi_date(petition.campaign.created_at),
        "modified_date": osdi_date(petition.modified_at),
        "title": page.title,
        "description": page.call_to_action,
        "petition_text": str(page.letter),
        "browser_url": petition.browser_url,
        "target": [{"name": page.target}] if page.target else [],
        "total_signatures": total_signatures,
        "_links": {
            "self": link(absolute, "osdi-petition", key),
            "osdi:signatures": link(absolute, "osdi-signatures", key),
        },
    }
    return record
