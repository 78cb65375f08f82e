"""The published-campaign cache listens to the plugin's models and Wagtail's page
signals only, never to every model of the host site."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from campaigns.api.published import GENERATION_KEY, published_translations
from campaigns.models import Partner
from campaigns.services import campaign_identity


def _generation_after(change) -> tuple[object, object]:
    before = cache.get(GENERATION_KEY)
    change()
    return before, cache.get(GENERATION_KEY)


def test_saving_a_model_of_the_host_site_does_not_touch_the_cache(page):
    published_translations(campaign_identity(page).public_key)

    before, after = _generation_after(lambda: Group.objects.create(name="Editors 2"))

    assert before is not None
    assert after == before


def test_saving_a_partner_moves_the_cache_on(page, partner):
    published_translations(campaign_identity(page).public_key)

    before, after = _generation_after(Partner.objects.get(pk=partner.pk).save)

    assert after != before


def test_no_receiver_of_the_plugin_hears_a_host_models_saves_or_deletes():
    for signal in (post_save, post_delete):
        sync, asynchronous = signal._live_receivers(Group)
        modules = {receiver.__module__ for receiver in [*sync, *asynchronous]}
        assert not any(module.startswith("campaigns") for module in modules)
