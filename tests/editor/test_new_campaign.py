"""The admin's "New campaign" opens the editor where the campaign gets a URL."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Locale, Site
from wagtail.users.models import UserProfile

from campaigns.models import CampaignIndexPage, CampaignPartner, Partner

NEW = "/admin/undersign/campaigns/new/"


def add_url(parent_id: int) -> str:
    return reverse(
        "wagtailadmin_pages:add",
        args=("undersign_campaigns", "campaignpage", parent_id),
    )


@pytest.fixture
def organizer(client, wagtail_tree):
    user = get_user_model().objects.create_superuser("organizer")
    client.force_login(user)
    return user


@pytest.fixture
def home(wagtail_tree):
    return Site.objects.get(is_default_site=True).root_page


def test_admin_home_and_menu_offer_new_campaign(client, organizer):
    html = client.get("/admin/").content.decode()

    assert html.count(f'href="{NEW}"') >= 1
    assert '"New campaign"' in html or "New campaign" in html


def test_new_campaign_asks_before_creating_a_missing_section(client, organizer, home):
    response = client.get(NEW)

    assert response.status_code == 200
    assert "campaigns section" in response.content.decode()
    assert not CampaignIndexPage.objects.exists()

    created = client.post(NEW)

    section = CampaignIndexPage.objects.get(locale__language_code="en")
    assert section.get_parent() == home and section.live
    assert created["Location"] == add_url(section.pk)


def test_new_campaign_goes_straight_to_the_editor_in_an_existing_section(
    client, organizer, home
):
    section = home.add_child(instance=CampaignIndexPage(title="Petitions"))

    response = client.get(NEW)

    assert response["Location"] == add_url(section.pk)
    assert client.get(response["Location"]).status_code == 200


def test_new_campaign_opens_in_the_organizers_language(client, organizer, home):
    Locale.objects.create(language_code="es")
    profile = UserProfile.get_for_user(organizer)
    profile.preferred_language = "es"
    profile.save()
    client.post(NEW)

    response = client.get(NEW)

    spanish = CampaignIndexPage.objects.get(locale__language_code="es")
    assert response["Location"] == add_url(spanish.pk)


def test_someone_who_may_not_add_there_is_asked_where(client, home):
    editors = Group.objects.create(name="Section editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    # The site's first section, where they may not add, and another.
    home.add_child(instance=CampaignIndexPage(title="Campaigns"))
    elsewhere = home.add_child(instance=CampaignIndexPage(title="Elsewhere"))
    GroupPagePermission.objects.create(
        group=editors, page=elsewhere, permission_type="add"
    )
    user = get_user_model().objects.create_user("editor")
    user.groups.add(editors)
    client.force_login(user)

    response = client.get(NEW)

    assert response["Location"] == reverse(
        "wagtailadmin_pages:choose_parent",
        args=("undersign_campaigns", "campaignpage"),
    )


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("en", "Allow Make the Road to contact me"),
        ("es", "Permitir que Make the Road se comunique conmigo"),
    ],
)
def test_the_default_consent_label_speaks_the_pages_language(language, label):
    link = CampaignPartner(partner=Partner(name="Make the Road"))
    with translation.override("ar"):
        assert link.default_label(language) == label
