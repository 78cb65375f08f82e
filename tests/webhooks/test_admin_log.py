"""The admin's webhook delivery log, its re-send, and a partner's webhook secret."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import ModelLogEntry

from campaigns.admin import audit
from campaigns.deliveries.dispatcher import dispatch_once
from campaigns.models import Delivery, Partner
from campaigns.webhooks.signing import signing_secrets
from tests.partners.signers import sign_through
from tests.partners.users import partner_user

LOG = "/admin/undersign/webhook-deliveries/"


@pytest.fixture
def organizer(db) -> Client:
    client = Client()
    client.force_login(
        get_user_model().objects.create_superuser(username="organizer", email="")
    )
    return client


@pytest.fixture
def failed(page, hooked_partner, receiver) -> Delivery:
    partner, _secret = hooked_partner
    receiver.statuses = [500]
    sign_through(page, partner, "ana@example.org", first_name="Ana")
    dispatch_once()
    delivery = Delivery.objects.get(partner=partner)
    Delivery.objects.filter(pk=delivery.pk).update(state=Delivery.State.FAILED)
    return delivery


def test_the_log_lists_webhooks_with_state_and_error_but_never_the_payload(
    failed, organizer
):
    response = organizer.get(LOG)

    html = response.content.decode()
    assert response.status_code == 200
    assert "webhook_signature" in html
    assert "HTTP 500" in html
    assert "Make the Road" in html
    assert "email_thanks" not in html
    assert "ana@example.org" not in html
    assert f"{LOG}resend/{failed.pk}/" in html


def test_re_send_makes_the_row_due_again_and_it_is_delivered(
    failed, organizer, receiver
):
    url = f"{LOG}resend/{failed.pk}/"
    assert organizer.get(url).status_code == 200
    assert Delivery.objects.get(pk=failed.pk).state == Delivery.State.FAILED

    organizer.post(url)
    dispatch_once()

    failed.refresh_from_db()
    assert failed.state == Delivery.State.DONE
    assert len(receiver.received) == 2
    entry = ModelLogEntry.objects.get(action=audit.RESEND)
    assert entry.object_id == str(failed.pk)


def test_a_partner_user_cannot_open_the_log_or_webhook_settings(partner):
    partner_client = Client()
    partner_client.force_login(partner_user("mtr", partner))
    assert partner_client.get(LOG).status_code in (302, 403)
    url = f"/admin/undersign/partner/{partner.pk}/webhook/"
    assert partner_client.post(url, {"rotate": "1"}).status_code == 403
    assert Partner.objects.get(pk=partner.pk).webhook_secret == ""


def test_an_organizer_sets_the_url_and_sees_a_new_secret_once(partner, organizer):
    url = f"/admin/undersign/partner/{partner.pk}/webhook/"

    organizer.post(url, {"webhook_url": "https://crm.example/hooks"})
    rotated = organizer.post(url, {"rotate": "1"})

    partner.refresh_from_db()
    secret = rotated.context["secret"]
    assert partner.webhook_url == "https://crm.example/hooks"
    assert partner.webhook_key == secret
    assert secret not in partner.webhook_secret  # stored encrypted
    assert secret in rotated.content.decode()
    assert secret not in organizer.get(url).content.decode()
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(partner.pk)).values_list(
            "action", flat=True
        )
    )
    assert {audit.SET_WEBHOOK, audit.ROTATE_SIGNING_KEY} <= actions


def test_a_user_with_admin_access_alone_cannot_manage_partners(partner, db):
    client = Client()
    client.force_login(partner_user("editor"))

    response = client.get(f"/admin/undersign/partner/{partner.pk}/webhook/")

    assert response.status_code == 403


def test_a_second_secret_page_says_until_when_the_old_one_signs(partner, organizer):
    url = f"/admin/undersign/partner/{partner.pk}/webhook/"

    first = organizer.post(url, {"rotate": "1"})
    second = organizer.post(url, {"rotate": "1"})

    assert "both the old and the new secret" not in first.content.decode()
    assert "both the old and the new secret" in second.content.decode()
    partner.refresh_from_db()
    assert signing_secrets(partner) == [
        second.context["secret"],
        first.context["secret"],
    ]
