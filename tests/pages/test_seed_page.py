from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Site

from campaigns.models import (
    Campaign,
    CampaignIndexPage,
    CampaignPage,
    CampaignPartner,
    Partner,
)
from cms.seed import ice_free_nyc
from tests.factories import campaign_page

CAMPAIGN_URL = "/en/campaigns/ice-free-nyc/"


def test_seed_campaign_renders_target_letter_and_every_demand(client, seeded):
    html = client.get(CAMPAIGN_URL).content.decode()

    assert "Mayor Bill de Blasio" in html
    assert "Dear Mayor de Blasio," in html
    assert "Take Action" in html
    assert ice_free_nyc.CALL_TO_ACTION in html
    for demand in ice_free_nyc.DEMANDS:
        assert demand in html
    assert "revealed, and" not in html


def test_site_root_leads_through_the_campaigns_section_to_the_seed_campaign(
    client, seeded
):
    home = client.get("/", follow=True)
    assert home.status_code == 200
    assert 'href="/en/campaigns/"' in home.content.decode()

    section = client.get("/en/campaigns/").content.decode()
    assert f'href="{CAMPAIGN_URL}"' in section
    assert ice_free_nyc.CALL_TO_ACTION in section


def test_seed_campaign_has_its_url_in_every_language(client, seeded, settings):
    for code, _name in settings.LANGUAGES:
        response = client.get(f"/{code}/campaigns/ice-free-nyc/")
        assert response.status_code == 200, code
        assert ice_free_nyc.TARGET in response.content.decode()


def test_site_serves_the_port_seeding_was_told(seeded):
    call_command("undersign_seed_demo", port=8140, partner_port=8141)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8140)
    assert CampaignPage.objects.get().full_url == (
        "http://127.0.0.1:8140" + CAMPAIGN_URL
    )


def test_seeding_moves_an_old_demo_campaign_off_the_site_root(db, client):
    """A demo database seeded before campaigns had a section keeps working."""
    old = campaign_page(**ice_free_nyc_fields())
    spanish = old.copy_for_translation(Locale.objects.create(language_code="es"))
    spanish.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = old
    site.save()
    welcome.delete()

    call_command("undersign_seed_demo", partner_port=8001)

    page = CampaignPage.objects.get(locale__language_code="en")
    assert page.pk == old.pk
    assert isinstance(page.get_parent().specific, CampaignIndexPage)
    assert client.get(CAMPAIGN_URL).status_code == 200
    spanish.refresh_from_db()
    assert spanish.get_parent().specific.locale.language_code == "es"
    assert client.get(spanish.get_url()).status_code == 200
    # The English slug under the Spanish prefix leads to the translation.
    under_spanish = client.get("/es/campaigns/ice-free-nyc/")
    assert under_spanish.context["page"] == spanish


def test_seeding_twice_creates_nothing_twice(seeded):
    call_command("undersign_seed_demo", partner_port=8001)

    assert CampaignPage.objects.count() == 1
    assert CampaignIndexPage.objects.filter(alias_of=None).count() == 1
    assert Partner.objects.filter(slug="make-the-road").count() == 1
    assert CampaignPartner.objects.filter(page=seeded).count() == 1
    assert list(Campaign.objects.values_list("public_key", flat=True)) == [
        "ice-free-nyc"
    ]


def test_reseeding_keeps_what_an_editor_changed(seeded):
    seeded.goal = 12000
    seeded.save_revision().publish()

    call_command("undersign_seed_demo", partner_port=8001)

    assert CampaignPage.objects.get().goal == 12000


def test_seed_partner_may_embed_from_the_partner_port(seeded):
    call_command("undersign_seed_demo", partner_port=9123)

    assert Partner.objects.get(slug="make-the-road").origins == [
        "http://127.0.0.1:9123",
        "http://localhost:9123",
    ]


def test_seed_creates_no_admin_outside_development(seeded):
    assert not get_user_model().objects.filter(username="admin").exists()


def test_seed_in_development_prints_a_fresh_admin_password(db, settings, capsys):
    settings.UNDERSIGN_DEV_SEED = True

    call_command("undersign_seed_demo", partner_port=8001)
    first = capsys.readouterr().out.split("admin / ")[1].split()[0]
    call_command("undersign_seed_demo", partner_port=8001)
    second = capsys.readouterr().out.split("admin / ")[1].split()[0]

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert first != second
    assert admin.check_password(second)
    assert not admin.check_password(first)


def ice_free_nyc_fields() -> dict[str, object]:
    return {
        "title": ice_free_nyc.TITLE,
        "slug": ice_free_nyc.SLUG,
        "call_to_action": ice_free_nyc.CALL_TO_ACTION,
        "target": ice_free_nyc.TARGET,
    }
