from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management import call_command

from campaigns.models import Campaign, CampaignPage, CampaignPartner, Partner
from cms.seed import ice_free_nyc


def test_seed_campaign_renders_target_letter_and_every_demand(client, seeded):
    html = client.get("/en/").content.decode()

    assert "Mayor Bill de Blasio" in html
    assert "Dear Mayor de Blasio," in html
    assert "Take Action" in html
    assert ice_free_nyc.CALL_TO_ACTION in html
    for demand in ice_free_nyc.DEMANDS:
        assert demand in html
    assert "revealed, and" not in html


def test_site_root_leads_to_the_seed_campaign(client, seeded):
    response = client.get("/", follow=True)

    assert response.status_code == 200
    assert "Dear Mayor de Blasio," in response.content.decode()


def test_seeding_twice_creates_nothing_twice(seeded):
    call_command("undersign_seed_demo", partner_port=8001)

    assert CampaignPage.objects.count() == 1
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
