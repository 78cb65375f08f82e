"""The partners viewset: list with logos, search, filters, CRUD and permissions."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from campaigns.models import Partner, PartnerMember
from tests.factories import PartnerFactory, campaign_page, link_partner

INDEX = "/admin/undersign/partners/"
ADD = INDEX + "new/"


def edit_url(partner: Partner) -> str:
    return f"{INDEX}edit/{partner.pk}/"


def partner_form(**fields: str) -> dict[str, str]:
    data = {
        "name": "Readers United",
        "slug": "readers-united",
        "website": "https://readers.example",
        "logo": "",
        "allowed_origins": "https://readers.example",
        "contact_name": "",
        "contact_email": "",
    }
    data.update(fields)
    return data


def listed(client: Client, **query: str) -> set[str]:
    """Return the slugs of the partners the index (its results part) lists."""
    html = client.get(INDEX + "results/", query).content.decode()
    return {
        slug for slug in Partner.objects.values_list("slug", flat=True) if slug in html
    }


@pytest.fixture
def partners(page) -> dict[str, Partner]:
    """Three partners: one on `page` with a webhook, one in test mode, one alone."""
    linked = PartnerFactory(
        name="Make the Road",
        slug="make-the-road",
        website="https://maketheroad.example",
        webhook_url="https://crm.maketheroad.example/hook",
    )
    link_partner(page, linked)
    return {
        "linked": linked,
        "tester": PartnerFactory(
            name="Tenants Together", slug="tenants", is_test_mode=True
        ),
        "alone": PartnerFactory(
            name="Bike Lanes Now", slug="bikes", website="https://cyclists.example"
        ),
    }


def test_the_index_lists_partners_with_logo_thumbnails(
    admin_client, partners, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    partner = partners["alone"]
    partner.logo = Image.objects.create(title="logo", file=get_test_image_file())
    partner.save()

    html = admin_client.get(INDEX).content.decode()

    assert listed(admin_client) == {"make-the-road", "tenants", "bikes"}
    assert 'class="undersign-partner-logo"' in html
    assert html.count("undersign-partner-logo") == 1
    assert "/media/images/" in html


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Make the", {"make-the-road"}),  # name
        ("tenants", {"tenants"}),  # slug
        ("cyclists", {"bikes"}),  # website
        ("nothing-like-this", set()),
    ],
)
def test_search_matches_name_slug_and_website(admin_client, partners, query, found):
    assert listed(admin_client, q=query) == found


def test_filters_by_test_mode_webhook_and_campaign(admin_client, partners, page):
    other = campaign_page(slug="other", title="Other")
    link_partner(other, partners["alone"])

    assert listed(admin_client, is_test_mode="true") == {"tenants"}
    assert listed(admin_client, is_test_mode="false") == {"make-the-road", "bikes"}
    assert listed(admin_client, has_webhook="true") == {"make-the-road"}
    assert listed(admin_client, has_webhook="false") == {"tenants", "bikes"}
    assert listed(admin_client, campaign=str(page.pk)) == {"make-the-road"}
    assert listed(admin_client, campaign=str(other.pk)) == {"bikes"}


def test_a_partner_is_added_with_its_origins_normalized(partner_admin, db):
    origins = "HTTPS://Readers.example/\nhttp://localhost:8080\nhttps://readers.example"

    response = partner_admin.post(ADD, partner_form(allowed_origins=origins))

    assert response.status_code == 302
    partner = Partner.objects.get(slug="readers-united")
    assert partner.allowed_origins == "https://readers.example\nhttp://localhost:8080"
    assert not partner.is_test_mode


def test_bad_origins_are_refused_line_by_line(partner_admin, db):
    origins = "https://ok.example\nhttps://*.example\nftp://files.example\nexample.org"

    response = partner_admin.post(ADD, partner_form(allowed_origins=origins))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Line 2 (https://*.example): Wildcards are not allowed" in html
    assert "Line 3 (ftp://files.example): Only http:// and https://" in html
    assert "Line 4 (example.org): Start with http:// or https://" in html
    assert not Partner.objects.filter(slug="readers-united").exists()


def test_a_partner_is_edited_and_deleted(partner_admin, partners):
    partner = partners["alone"]

    edited = partner_admin.post(
        edit_url(partner),
        partner_form(name="Bike Lanes Now", slug="bikes", is_test_mode="on", logo=""),
    )
    deleted = partner_admin.post(f"{INDEX}delete/{partner.pk}/")

    assert edited.status_code == 302
    assert deleted.status_code == 302
    assert not Partner.objects.filter(pk=partner.pk).exists()


def test_the_edit_page_links_to_tokens_webhook_and_signers(admin_client, partners):
    partner = partners["linked"]

    html = admin_client.get(edit_url(partner)).content.decode()

    assert f"/admin/undersign/partner/{partner.pk}/tokens/" in html
    assert f"/admin/undersign/partner/{partner.pk}/webhook/" in html
    assert f"/admin/undersign/partner/{partner.pk}/" in html
    assert "marked as tests and never counted" in html  # the test mode's help


def test_a_partner_user_without_model_permissions_cannot_edit_partners(
    partners, client
):
    user = get_user_model().objects.create_user("member")
    PartnerMember.objects.create(user=user, partner=partners["linked"])
    client.force_login(user)

    response = client.post(edit_url(partners["linked"]), partner_form())

    assert response.status_code in (302, 403)
    assert Partner.objects.get(pk=partners["linked"].pk).name == "Make the Road"


def test_users_without_partner_permissions_cannot_reach_the_viewset(partners):
    user = get_user_model().objects.create_user("writer")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)

    responses = [
        client.get(INDEX),
        client.get(ADD),
        client.post(ADD, partner_form()),
        client.post(f"{INDEX}delete/{partners['alone'].pk}/"),
    ]

    assert all(response.status_code in (302, 403) for response in responses)
    assert all(INDEX not in response.get("Location", "") for response in responses)
    assert Partner.objects.count() == 3
