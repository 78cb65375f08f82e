"""Every decision about who may see, export, moderate or route signers' data.

Views ask these functions and never decide alone (docs/security.md, "Who may see
signers"). The grants:

- `view_signers` and `moderate_signers`: Wagtail page permissions, given to a
  group on a campaign page or a section above it. Holding one on any translation
  of a campaign's page grants it for the campaign: translations share one set of
  signatures.
- `undersign_campaigns.change_partner`: edit partners' names, origins and logos.
  It opens no signer data by itself: a partner's signers are shown or exported
  only from the campaigns where the user may view signers.
- `undersign_campaigns.route_signer_data`: issue a partner's API tokens and set
  its webhook destination and secret (audited). Because a token or a webhook
  reaches every campaign of the partner, it also needs `view_signers` on each.
- A partner user (`PartnerMember`) sees, exports and pulls the signers who
  consented to their own partner, and issues their own partner's tokens.
- `undersign_campaigns.delete_signature`: erase a signer from every campaign.

Users are typed `Any`: a site may bring its own user model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from campaigns.models import (
    Campaign,
    CampaignPage,
    CampaignPartner,
    Partner,
    PartnerMember,
    Signature,
)

if TYPE_CHECKING:
    from campaigns.delivery_pdf.selectors import NamesPromise

VIEW_SIGNERS = "view_signers"
MODERATE_SIGNERS = "moderate_signers"
EDIT_PAGE = "change"
MANAGE_PARTNERS = "undersign_campaigns.change_partner"
ROUTE_SIGNER_DATA = "undersign_campaigns.route_signer_data"
ERASE_SIGNATURES = "undersign_campaigns.delete_signature"


# Campaign signers: view, export, moderate.


def campaigns_for(user: Any, *actions: str) -> QuerySet[Campaign]:
    """Return the campaigns on whose pages `user` may perform any of `actions`
    (`view_signers` if none is named)."""
    policy = PagePermissionPolicy(CampaignPage)
    pages = policy.instances_user_has_any_permission_for(
        user, set(actions or (VIEW_SIGNERS,))
    )
    keys = pages.values_list("translation_key", flat=True)
    return Campaign.objects.filter(translation_key__in=keys)


def may(user: Any, campaign: Campaign, action: str = VIEW_SIGNERS) -> bool:
    """Return `True` if `user` may perform `action` on `campaign`'s signers."""
    return campaigns_for(user, action).filter(pk=campaign.pk).exists()


def require(user: Any, campaign: Campaign, action: str = VIEW_SIGNERS) -> None:
    """Raise `PermissionDenied` unless `user` may perform `action` on `campaign`."""
    if not may(user, campaign, action):
        raise PermissionDenied


def asked_campaign_ids(user: Any, action: str, values: Iterable[str]) -> set[int]:
    """Return the campaign ids asked in `values` (blanks ignored; none asked, none).

    Raises `PermissionDenied` if a value is not a number or names a campaign on
    which `user` may not perform `action`.
    """
    asked = [value for value in values if value]
    if not all(value.isdigit() for value in asked):
        raise PermissionDenied
    ids = {int(value) for value in asked}
    if ids and not ids <= set(campaigns_for(user, action).values_list("pk", flat=True)):
        raise PermissionDenied
    return ids


def can_erase_signers(user: Any) -> bool:
    """Return `True` if `user` may erase a signer from every campaign."""
    return bool(user.has_perm(ERASE_SIGNATURES))


# Campaign dashboard, state, delivery and paper signatures.


def dashboard_campaigns(user: Any) -> QuerySet[Campaign]:
    """Return the campaigns whose dashboard (counts, never a signer) `user` may see:
    editors of its page and those who may view its signers."""
    return campaigns_for(user, EDIT_PAGE, VIEW_SIGNERS)


def require_dashboard(user: Any, campaign: Campaign) -> None:
    """Raise `PermissionDenied` unless `user` may see `campaign`'s dashboard."""
    if not dashboard_campaigns(user).filter(pk=campaign.pk).exists():
        raise PermissionDenied


def may_change_state(user: Any, pages: Iterable[CampaignPage]) -> bool:
    """Return `True` if `user` may publish every one of `pages` (all translations)."""
    return all(page.permissions_for_user(user).can_publish() for page in pages)


def may_include_names(user: Any, campaign: Campaign, promise: NamesPromise) -> bool:
    """Return `True` if `user` may make a delivery with signers' names.

    Only if the campaign told its signers their names go to the target, and only
    for those who may see its signers.
    """
    return promise.promised and may(user, campaign, VIEW_SIGNERS)


def importable_campaign(user: Any, page: Page) -> Campaign | None:
    """Return `page`'s campaign if `user` may import paper signatures into it, else
    `None`: importing writes signers and tells which addresses already signed
    (seeing signers), and changes the count (editing the campaign)."""
    campaign = Campaign.objects.filter(translation_key=page.translation_key).first()
    if (
        campaign is not None
        and page.permissions_for_user(user).can_edit()
        and may(user, campaign)
    ):
        return campaign
    return None


def may_import(user: Any, page: Page) -> bool:
    """Return `True` if `user` may import paper signatures into `page`'s campaign."""
    return importable_campaign(user, page) is not None


# Partners: their signers, tokens and webhook.


def member_partner_id(user: Any) -> int | None:
    """Return the id of the partner `user` acts for, if any."""
    if not user.is_authenticated:
        return None
    return (
        PartnerMember.objects.filter(user=user)
        .values_list("partner_id", flat=True)
        .first()
    )


def can_manage_partners(user: Any) -> bool:
    """Return `True` for those who may list and edit partners (no signer data)."""
    return bool(user.has_perm(MANAGE_PARTNERS))


def _partner_campaign_ids(partner: Partner) -> set[int]:
    keys = CampaignPartner.objects.filter(partner=partner).values(
        "page__translation_key"
    )
    return set(
        Campaign.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
    )


def partner_signer_campaigns(user: Any, partner: Partner) -> QuerySet[Campaign] | None:
    """Return the campaigns whose signers consenting to `partner` `user` may see;
    `None` for all of them (the partner's own users)."""
    if member_partner_id(user) == partner.pk:
        return None
    return campaigns_for(user, VIEW_SIGNERS)


def may_view_partner_signers(user: Any, partner: Partner) -> bool:
    """Return `True` if `user` may see some of `partner`'s consenting signers."""
    campaigns = partner_signer_campaigns(user, partner)
    if campaigns is None:
        return True
    return (
        can_manage_partners(user)
        and campaigns.filter(pk__in=_partner_campaign_ids(partner)).exists()
    )


def may_route_partner(user: Any, partner: Partner) -> bool:
    """Return `True` if `user` may issue `partner`'s API tokens and set its webhook
    destination: a token or webhook reaches every campaign of the partner."""
    if not user.has_perm(ROUTE_SIGNER_DATA):
        return False
    viewable = set(campaigns_for(user, VIEW_SIGNERS).values_list("pk", flat=True))
    return _partner_campaign_ids(partner) <= viewable


def may_issue_partner_tokens(user: Any, partner: Partner) -> bool:
    """Return `True` if `user` may see, issue and revoke `partner`'s API tokens."""
    return member_partner_id(user) == partner.pk or may_route_partner(user, partner)


def visible_partner_signers(
    user: Any, partner: Partner, signatures: QuerySet[Signature]
) -> QuerySet[Signature]:
    """Return those of `partner`'s `signatures` that `user` may see or export."""
    campaigns = partner_signer_campaigns(user, partner)
    return (
        signatures if campaigns is None else signatures.filter(campaign__in=campaigns)
    )


def partner_for(
    user: Any, partner_id: int, decide: Callable[[Any, Partner], bool]
) -> Partner:
    """Return the partner if `decide(user, partner)` allows it; else 403 (or 404)."""
    partner = get_object_or_404(Partner, pk=partner_id)
    if not decide(user, partner):
        raise PermissionDenied
    return partner
