"""Every admin and export URL that touches signers' data, for every role: the set
of URLs each role may open is exactly the one `campaigns.authorization` promises.

Roles: no role (admin access only), editor of both campaigns, moderator of A,
`change_partner` only, signer-viewer of campaign A only, `change_partner` with
signer-viewing on A, the routing permission with signer-viewing on A only, the
routing permission with signer-viewing on A and B, a partner's own user, and a
superuser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from campaigns.admin import audit
from campaigns.models import CampaignPage, Partner, PartnerToken, Signature
from campaigns.partners.tokens import token_create
from campaigns.services import campaign_identity
from tests.dashboard.people import EDITOR, admin_user, client_for, grant
from tests.factories import PartnerFactory, campaign_page, link_partner
from tests.partners.signers import sign_through
from tests.partners.users import partner_user


@dataclass(frozen=True)
class World:
    a: CampaignPage
    b: CampaignPage
    partner: Partner
    token: PartnerToken
    signature_a: Signature
    signature_b: Signature


@pytest.fixture
def world(db) -> World:
    a = campaign_page(title="Campaign A", slug="campaign-a")
    b = campaign_page(title="Campaign B", slug="campaign-b")
    partner = PartnerFactory(name="Make the Road", slug="make-the-road")
    link_partner(a, partner)
    link_partner(b, partner)
    token, _plaintext = token_create(partner=partner, label="CRM")
    return World(
        a=a,
        b=b,
        partner=partner,
        token=token,
        signature_a=sign_through(a, partner, "ana@example.org"),
        signature_b=sign_through(b, partner, "bo@example.org"),
    )


def _model_perm(user, codename: str) -> None:
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="undersign_campaigns", codename=codename
        )
    )


def _role(name: str, world: World) -> Client | None:
    if name == "anonymous":
        return Client()
    if name == "superuser":
        return client_for(get_user_model().objects.create_superuser(username="root"))
    if name == "partner_user":
        return client_for(partner_user("mtr", world.partner))
    user = admin_user(name)
    grants: dict[str, Callable[[], None]] = {
        "no_role": lambda: None,
        "editor": lambda: (grant(world.a, name, EDITOR), grant(world.b, name, EDITOR)),
        "moderator_a": lambda: grant(world.a, name, ("moderate_signers",)),
        "change_partner": lambda: _model_perm(user, "change_partner"),
        "viewer_a": lambda: grant(world.a, name, ("view_signers",)),
        "partner_manager_viewer_a": lambda: (
            _model_perm(user, "change_partner"),
            grant(world.a, name, ("view_signers",)),
        ),
        "router_viewer_a": lambda: (
            _model_perm(user, "route_signer_data"),
            grant(world.a, name, ("view_signers",)),
        ),
        "router_viewer_ab": lambda: (
            _model_perm(user, "route_signer_data"),
            grant(world.a, name, ("view_signers",)),
            grant(world.b, name, ("view_signers",)),
        ),
    }
    grants[name]()
    return client_for(user)


def _urls(world: World) -> dict[str, tuple[str, str, dict[str, str]]]:
    """Return `{name: (method, url, data)}` for every URL under test."""
    p = world.partner.pk
    a = world.a.pk
    campaign_a = campaign_identity(world.a).pk
    campaign_b = campaign_identity(world.b).pk
    return {
        "partner_signers": ("get", reverse("undersign_partner_signers", args=[p]), {}),
        "partner_export": ("get", reverse("undersign_partner_export", args=[p]), {}),
        "partner_tokens": ("get", reverse("undersign_partner_tokens", args=[p]), {}),
        "partner_token_create": (
            "post",
            reverse("undersign_partner_tokens", args=[p]),
            {"label": "mine"},
        ),
        "partner_token_revoke": (
            "post",
            reverse("undersign_partner_token_revoke", args=[p, world.token.pk]),
            {},
        ),
        "partner_webhook": ("get", reverse("undersign_partner_webhook", args=[p]), {}),
        "partner_webhook_set": (
            "post",
            reverse("undersign_partner_webhook", args=[p]),
            {"webhook_url": "https://attacker.example/hook"},
        ),
        "partner_edit": ("get", reverse("undersign_partners:edit", args=[p]), {}),
        "signers_a": (
            "get",
            reverse("undersign_signatures:index") + f"?campaign={campaign_a}",
            {},
        ),
        "inspect_a": (
            "get",
            reverse("undersign_signatures:inspect", args=[world.signature_a.pk]),
            {},
        ),
        "inspect_b": (
            "get",
            reverse("undersign_signatures:inspect", args=[world.signature_b.pk]),
            {},
        ),
        "moderate_a": (
            "get",
            reverse("undersign_signatures:moderate") + f"?campaign={campaign_a}",
            {},
        ),
        "export_a": (
            "get",
            reverse("undersign_exports:start") + f"?campaign={campaign_a}",
            {},
        ),
        "export_b": (
            "get",
            reverse("undersign_exports:start") + f"?campaign={campaign_b}",
            {},
        ),
        "dashboard_a": ("get", reverse("undersign_dashboard", args=[a]), {}),
        "delivery_a": ("get", reverse("undersign_delivery_pdf", args=[a]), {}),
        "paper_a": ("get", reverse("undersign_paper", args=[a]), {}),
        "erase_signer": ("get", reverse("undersign_erase_signer"), {}),
        "webhook_deliveries": (
            "get",
            reverse("undersign_webhook_deliveries:index"),
            {},
        ),
    }


def _allowed(response) -> bool:
    """An answer that does what was asked: 200, or a redirect that is not a refusal
    (to the sign-in page or the admin's home)."""
    if response.status_code == 200:
        return True
    if response.status_code != 302:
        return False
    location = response["Location"]
    return "/login/" not in location and location.rstrip("/") != "/admin"


ALL = {
    "partner_signers",
    "partner_export",
    "partner_tokens",
    "partner_token_create",
    "partner_token_revoke",
    "partner_webhook",
    "partner_webhook_set",
    "partner_edit",
    "signers_a",
    "inspect_a",
    "inspect_b",
    "moderate_a",
    "export_a",
    "export_b",
    "dashboard_a",
    "delivery_a",
    "paper_a",
    "erase_signer",
    "webhook_deliveries",
}
ALLOWED = {
    "anonymous": set(),
    "no_role": set(),
    "editor": {"dashboard_a", "delivery_a"},
    # Moderating works on counts of matches, never on a signer shown.
    "moderator_a": {"moderate_a"},
    "change_partner": {"partner_edit"},
    "viewer_a": {"signers_a", "inspect_a", "export_a", "dashboard_a", "delivery_a"},
    "partner_manager_viewer_a": {
        "partner_edit",
        "partner_signers",
        "partner_export",
        "signers_a",
        "inspect_a",
        "export_a",
        "dashboard_a",
        "delivery_a",
    },
    # Viewing A alone: a token or webhook would reach B's signers too.
    "router_viewer_a": {
        "signers_a",
        "inspect_a",
        "export_a",
        "dashboard_a",
        "delivery_a",
    },
    "router_viewer_ab": {
        "partner_tokens",
        "partner_token_create",
        "partner_token_revoke",
        "partner_webhook",
        "partner_webhook_set",
        "signers_a",
        "inspect_a",
        "inspect_b",
        "export_a",
        "export_b",
        "dashboard_a",
        "delivery_a",
    },
    "partner_user": {
        "partner_signers",
        "partner_export",
        "partner_tokens",
        "partner_token_create",
        "partner_token_revoke",
    },
    "superuser": ALL,
}


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_each_role_opens_exactly_the_urls_it_is_allowed(world, role):
    client = _role(role, world)
    opened = set()
    for name, (method, url, data) in _urls(world).items():
        response = getattr(client, method)(url, data)
        if _allowed(response):
            opened.add(name)

    assert opened == ALLOWED[role]


def test_change_partner_alone_shows_no_signer_anywhere(world):
    client = _role("change_partner", world)
    for name, (method, url, _data) in _urls(world).items():
        if method == "get":
            body = client.get(url).content
            assert b"ana@example.org" not in body, name
            assert b"bo@example.org" not in body, name


def test_a_partner_manager_sees_only_the_signers_of_campaigns_they_may_view(world):
    client = _role("partner_manager_viewer_a", world)
    p = world.partner.pk

    page = client.get(reverse("undersign_partner_signers", args=[p])).content
    export = b"".join(
        client.get(reverse("undersign_partner_export", args=[p])).streaming_content
    )

    assert b"ana@example.org" in page and b"ana@example.org" in export
    assert b"bo@example.org" not in page and b"bo@example.org" not in export


def test_issuing_a_token_and_changing_a_webhook_are_audited(world):
    client = _role("router_viewer_ab", world)
    p = world.partner.pk
    client.post(reverse("undersign_partner_tokens", args=[p]), {"label": "x"})
    client.post(
        reverse("undersign_partner_webhook", args=[p]),
        {"webhook_url": "https://crm.example/hook"},
    )

    actions = set(
        ModelLogEntry.objects.filter(object_id=str(p)).values_list("action", flat=True)
    )
    assert {audit.ISSUE_API_KEY, audit.SET_WEBHOOK} <= actions
