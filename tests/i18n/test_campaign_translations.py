"""A campaign's translations are one campaign: one count, one set of signatures."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale

from campaigns.models import Signature

KEY = "stop-the-detentions"
SPANISH_CTA = "Dígale al alcalde que deje de colaborar con ICE"


def test_each_surface_serves_the_translation_matching_the_language(
    client, api_client, translate
):
    translate("es", call_to_action=SPANISH_CTA)

    assert (
        api_client.get(f"/api/v1/campaigns/{KEY}/?lang=es").json()["call_to_action"]
        == SPANISH_CTA
    )
    assert SPANISH_CTA in client.get("/es/").content.decode()
    assert SPANISH_CTA in client.get(f"/embed/{KEY}/", {"lang": "es"}).content.decode()
    fragment = api_client.get(f"/api/v1/campaigns/{KEY}/embed/?lang=es").json()
    assert SPANISH_CTA in fragment["html"]


def test_a_language_without_translation_gets_the_default_campaign(
    api_client, translate
):
    translate("es", call_to_action=SPANISH_CTA)

    data = api_client.get(f"/api/v1/campaigns/{KEY}/?lang=ko").json()

    assert data["language"] == "en"
    assert data["call_to_action"] != SPANISH_CTA


def test_signing_the_translation_counts_toward_the_one_campaign(
    client, api_client, translate
):
    spanish = translate("es", call_to_action=SPANISH_CTA)
    client.post(
        "/es/",
        {"email": "ana@example.org", "first_name": "Ana", "last_name": "Ruiz"},
    )
    api_client.post(
        f"/api/v1/campaigns/{KEY}/signatures/",
        {"email": "li@example.org", "first_name": "Li", "last_name": "Wu"},
        format="json",
    )

    assert Signature.objects.counted().count() == 2
    assert {s.language for s in Signature.objects.all()} == {"es", "en"}
    english = api_client.get(f"/api/v1/campaigns/{KEY}/stats/?lang=en").json()
    assert english["count"] == 2
    assert api_client.get(f"/api/v1/campaigns/{KEY}/stats/?lang=es").json() == english
    assert spanish.locale.language_code == "es"


def test_demo_seed_creates_a_locale_per_language_once(db):
    call_command("undersign_seed_demo", partner_port=8001)
    call_command("undersign_seed_demo", partner_port=8001)

    codes = sorted(Locale.objects.values_list("language_code", flat=True))
    assert codes == sorted(code for code, _name in settings.LANGUAGES)
