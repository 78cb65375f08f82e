"""Filters over signatures, shared by the admin listing and the CSV exports.

`SignatureFilterSet(request.GET, queryset=..., request=request)` reads the same
GET parameters wherever it is applied: `campaign`, `partner`, `status`, `consent`,
`created_from`/`created_to` (dates, inclusive), `moderation`, `moderation_reason`
and `signer` (the blind index of an email, never the email itself). The
`campaign` choices are the campaigns the request's user may see signers of.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from campaigns.authorization import campaigns_for
from campaigns.models import (
    Campaign,
    ConsentVersion,
    Partner,
    Signature,
    SignatureConsent,
)
from campaigns.partners.selectors import campaign_titles

# What "consent" means in a filter: which contact the signer agreed to.
CONSENT_ORGANIZER = "organizer"
CONSENT_PARTNER = "partner"
CONSENT_DISPLAY = "display"
CONSENT_NONE = "none"
CONSENT_CHOICES = [
    (CONSENT_ORGANIZER, _("Agreed to hear from the organizer")),
    (CONSENT_PARTNER, _("Agreed to hear from a partner")),
    (CONSENT_DISPLAY, _("Agreed to be shown among recent signers")),
    (CONSENT_NONE, _("Agreed to no contact")),
]
CONTACT_KINDS = (ConsentVersion.Kind.ORGANIZER, ConsentVersion.Kind.PARTNER)


class CampaignChoiceField(django_filters.fields.ModelChoiceField):
    """Names campaigns by their page title rather than their public key."""

    def label_from_instance(self, obj: Campaign) -> str:
        titles = getattr(self, "_titles", None)
        if titles is None:
            ids = set(self.queryset.values_list("pk", flat=True))
            titles = self._titles = campaign_titles(ids)
        return titles.get(obj.pk, obj.public_key)


class CampaignFilter(django_filters.ModelChoiceFilter):
    field_class = CampaignChoiceField


def _visible_campaigns(request: HttpRequest | None) -> QuerySet[Campaign]:
    if request is None:
        return Campaign.objects.none()
    return campaigns_for(request.user).order_by("public_key")


def _consented(kinds: tuple[str, ...]) -> Exists:
    return Exists(
        SignatureConsent.objects.filter(
            signature=OuterRef("pk"), version__kind__in=kinds
        )
    )


class SignatureFilterSet(WagtailFilterSet):
    campaign = CampaignFilter(
        label=_("Campaign"), queryset=_visible_campaigns, empty_label=_("All")
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"), queryset=Partner.objects.all(), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Signature.Status.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    consent = django_filters.ChoiceFilter(
        label=_("Consent"),
        choices=CONSENT_CHOICES,
        method="filter_consent",
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    created = django_filters.DateFromToRangeFilter(
        label=_("Signed between"),
        field_name="created_at",
        widget=DateRangePickerWidget,
    )
    moderation = django_filters.ChoiceFilter(
        label=_("Moderation"),
        choices=Signature.Moderation.choices,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )
    moderation_reason = django_filters.ChoiceFilter(
        label=_("Moderation reason"),
        choices=[c for c in Signature.Reason.choices if c[0]],
        empty_label=_("All"),
    )
    signer = django_filters.CharFilter(
        label=_("Email search"),
        field_name="email_index",
        lookup_expr="exact",
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Signature
        fields: list[str] = []

    def filter_consent(
        self, queryset: QuerySet[Signature], name: str, value: str
    ) -> QuerySet[Signature]:
        """Keep signatures whose signer gave the consent kind `value`."""
        if value == CONSENT_NONE:
            return queryset.exclude(_consented(CONTACT_KINDS))
        return queryset.filter(_consented((value,)))


def filter_kinds(filterset: SignatureFilterSet) -> list[str]:
    """Return the names of the filters in use, for the audit log (never values)."""
    if not filterset.is_valid():
        return []
    data: dict[str, Any] = filterset.form.cleaned_data
    used = []
    for name, value in data.items():
        if isinstance(value, slice):
            value = value.start or value.stop
        if value not in (None, "", [], ()):
            used.append(name)
    return sorted(used)
