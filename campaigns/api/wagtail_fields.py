"""How a campaign page reads in Wagtail's API v2 (headless front ends).

Rich text leaves the server as it does everywhere else: links expanded to real
URLs (like `|richtext`) and cleaned by the one allowlist (`campaigns.sanitize`).
The campaign's public key and count come along, so a front end can embed the
form and show the number without a second API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rest_framework import serializers

from campaigns.sanitize import sanitize_html, sanitize_richtext

if TYPE_CHECKING:
    from campaigns.models import Campaign, CampaignPage


class RichTextHTML(serializers.Field):
    """A rich text field as expanded, sanitized HTML."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: Any) -> Any:
        return str(sanitize_richtext(value))


class StreamHTML(RichTextHTML):
    """A StreamField rendered to HTML (as the hosted page shows it), sanitized."""

    def to_representation(self, value: Any) -> str:
        return sanitize_html(value.render_as_block())


def _campaign(page: CampaignPage) -> Campaign | None:
    # Imported here: the page model declares these fields, so this module loads
    # while the models are still being defined.
    from campaigns.models import Campaign

    return Campaign.objects.filter(translation_key=page.translation_key).first()


class CampaignKey(RichTextHTML):
    """The campaign's permanent public key (what snippets and the API take)."""

    def __init__(self) -> None:
        super().__init__(source="*")

    def to_representation(self, value: Any) -> Any:
        campaign = _campaign(value)
        return campaign.public_key if campaign else None


class SignatureCount(CampaignKey):
    """The public count, shared by every translation."""

    def to_representation(self, value: Any) -> int:
        from campaigns.selectors import signature_count

        campaign = _campaign(value)
        return signature_count(campaign) if campaign else 0
