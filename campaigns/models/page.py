"""The campaign page organizers write in Wagtail, with its form configuration."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import (
    sensitive_post_parameters,
    sensitive_variables,
)
from modelcluster.fields import ParentalKey
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from campaigns.api import wagtail_fields
from campaigns.blocks import BACKGROUND_BLOCKS, DEMAND_BLOCKS, RICH_TEXT_FEATURES
from campaigns.editor_form import CampaignPageForm
from campaigns.panels import campaign_edit_handler

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class FieldRule(models.TextChoices):
    OFF = "off", _("Not asked")
    OPTIONAL = "optional", _("Optional")
    REQUIRED = "required", _("Required")


STANDARD_FIELDS = (
    "first_name",
    "last_name",
    "postal_code",
    "phone",
    "address",
    "country",
    "comment",
)


def _rule(label: StrOrPromise, default: str) -> models.CharField:
    return models.CharField(
        label,
        max_length=8,
        choices=FieldRule.choices,
        default=default,
        help_text=_("Whether the form asks for this, and whether it must be filled."),
    )


# The thank-you state greets the signer by first name, carried across the
# redirect in a short-lived signed cookie rather than any server-side store.
THANKS_COOKIE = "undersign_thanks"
THANKS_MAX_AGE = 600
RECENT_SIGNERS_SHOWN = 6
DEFAULT_RETENTION_DAYS = 365


def validate_goal_steps(value: str) -> None:
    """Refuse anything but rising whole numbers separated by commas."""
    parts = [part.strip() for part in value.split(",") if part.strip()]
    if not all(part.isdigit() for part in parts):
        raise ValidationError(_("Enter whole numbers separated by commas."))
    numbers = [int(part) for part in parts]
    if any(a >= b for a, b in itertools.pairwise(numbers)):
        raise ValidationError(_("Each step must be larger than the one before."))


def not_at_tree_root(parent: Page) -> bool:
    """Return `True` unless `parent` is the tree root, where a page has no URL."""
    return not parent.is_root()


def default_keep_data_until() -> date:
    """Return the default retention date: a year from today."""
    return timezone.localdate() + timedelta(days=DEFAULT_RETENTION_DAYS)


class CampaignPage(RoutablePageMixin, Page):
    """A petition or open letter, with its own hosted page and embeddable form."""

    class State(models.TextChoices):
        OPEN = "open", _("Open for signatures")
        CLOSED = "closed", _("Closed")
        DELIVERED = "delivered", _("Delivered to the target")
        WON = "won", _("Won")

    kicker = models.CharField(
        _("kicker"),
        max_length=60,
        blank=True,
        default="Take action",
        help_text=_("A short line above the headline, such as 'Take action'."),
    )
    call_to_action = models.CharField(
        _("call to action"),
        max_length=300,
        help_text=_("The headline: what signers ask of the target."),
    )
    target = models.CharField(
        _("target"),
        max_length=200,
        help_text=_("Who the petition is addressed to, such as 'Mayor of New York'."),
    )
    background = StreamField(
        BACKGROUND_BLOCKS,
        blank=True,
        verbose_name=_("background"),
        help_text=_("Why this matters: the story before the letter."),
    )
    letter = RichTextField(
        _("open letter"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The letter signers put their names to, from the greeting on."),
    )
    demands = StreamField(
        DEMAND_BLOCKS,
        blank=True,
        verbose_name=_("demands"),
        help_text=_(
            "Each demand, in order; shown as a numbered list after the letter."
        ),
    )
    organizer_name = models.CharField(
        _("organizer"),
        max_length=200,
        help_text=_("Who runs the campaign and holds the signers' data."),
    )
    goal = models.PositiveIntegerField(
        _("goal"), default=1000, help_text=_("The number of signatures aimed for.")
    )
    goal_steps = models.CharField(
        _("rising goal"),
        max_length=200,
        blank=True,
        validators=[validate_goal_steps],
        help_text=_(
            "Optional: later goals, separated by commas (e.g. 5000, 10000). When "
            "the count reaches the goal, the next step is shown."
        ),
    )
    opens_at = models.DateTimeField(
        _("opens at"), null=True, blank=True, help_text=_("Empty: open at once.")
    )
    closes_at = models.DateTimeField(
        _("closes at"), null=True, blank=True, help_text=_("Empty: open until closed.")
    )
    state = models.CharField(
        _("state"),
        max_length=12,
        choices=State.choices,
        default=State.OPEN,
        help_text=_("Only an open campaign accepts signatures."),
    )
    outcome_note = models.TextField(
        _("outcome note"),
        blank=True,
        help_text=_("Shown instead of the form once the campaign is closed or won."),
    )
    thank_you_message = models.TextField(
        _("thank-you message"),
        blank=True,
        help_text=_("Shown to a signer after signing."),
    )
    share_text = models.CharField(
        _("share text"),
        max_length=280,
        blank=True,
        help_text=_("The message shared links carry."),
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("share image"),
        help_text=_("Shown when the page is shared on social media (1200×630)."),
    )
    redirect_url = models.URLField(
        _("redirect after signing"),
        blank=True,
        help_text=_("Optional: send signers to this address after signing."),
    )
    double_opt_in = models.BooleanField(
        _("double opt-in"),
        default=False,
        help_text=_("Signatures count only after the signer confirms by email."),
    )
    show_recent_signers = models.BooleanField(
        _("show recent signers"),
        default=True,
        help_text=_("List first names of recent signers who agreed to be shown."),
    )
    open_to_all_sites = models.BooleanField(
        _("open to every site"),
        default=False,
        help_text=_("Allow any website to embed the form, not only partners' sites."),
    )
    organizer_consent_label = models.CharField(
        _("organizer consent label"),
        max_length=300,
        blank=True,
        help_text=_("A checkbox asking to hear from the organizer; empty: not asked."),
    )
    keep_data_until = models.DateField(
        _("keep signers' details until"),
        default=default_keep_data_until,
        help_text=_(
            "After this date signers' details are erased; counts and postal codes "
            "stay. The form tells signers this date."
        ),
    )
    names_to_target = models.BooleanField(
        _("names go to the target"),
        default=False,
        help_text=_(
            "Whether signers' names go to the target with the petition; "
            "otherwise only counts"
        ),
    )
    first_name_rule = _rule(_("first name"), FieldRule.REQUIRED)
    last_name_rule = _rule(_("last name"), FieldRule.REQUIRED)
    postal_code_rule = _rule(_("postal code"), FieldRule.OPTIONAL)
    phone_rule = _rule(_("phone"), FieldRule.OFF)
    address_rule = _rule(_("address"), FieldRule.OFF)
    country_rule = _rule(_("country"), FieldRule.OFF)
    comment_rule = _rule(_("comment"), FieldRule.OFF)

    # Any page a host allows children under (its home page, an ordinary page, a
    # campaigns section), but not the tree root: there it would be outside every
    # site, with no URL.
    subpage_types: list[str] = []
    template = "undersign/campaign_page.html"
    base_form_class = CampaignPageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("call_to_action"),
        index.SearchField("target"),
    ]
    api_fields = [
        APIField("key", serializer=wagtail_fields.CampaignKey()),
        APIField("count", serializer=wagtail_fields.SignatureCount()),
        APIField("kicker"),
        APIField("call_to_action"),
        APIField("target"),
        APIField("background", serializer=wagtail_fields.StreamHTML()),
        APIField("letter", serializer=wagtail_fields.RichTextHTML()),
        APIField("demands"),
        APIField("organizer_name"),
        APIField("goal"),
        APIField("state"),
        APIField("outcome_note"),
        APIField("opens_at"),
        APIField("closes_at"),
    ]
    edit_handler = campaign_edit_handler()

    class Meta:
        verbose_name = _("campaign")

    @classmethod
    def can_exist_under(cls, parent: Page) -> bool:
        return super().can_exist_under(parent) and not_at_tree_root(parent)

    def goal_step_numbers(self) -> list[int]:
        """Return the rising goal's steps as numbers (validated on save; a stray
        part that is not a whole number is skipped)."""
        parts = (part.strip() for part in self.goal_steps.split(","))
        return [int(part) for part in parts if part.isdigit()]

    def field_rules(self) -> dict[str, str]:
        """Return each standard field's rule (off, optional, required)."""
        return {name: getattr(self, f"{name}_rule") for name in STANDARD_FIELDS}

    def is_accepting(self, now: datetime | None = None) -> bool:
        """Return `True` if the campaign takes signatures at `now`."""
        now = now or timezone.now()
        return (
            self.state == self.State.OPEN
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or now < self.closes_at)
        )

    def url_in_language(
        self,
        request: HttpRequest | None = None,
        language: str | None = None,
        *,
        full: bool = False,
    ) -> str | None:
        """Return this page's URL under `language`'s prefix (default: the active one).

        An untranslated campaign is served under every language's prefix with the
        interface in that language, so a signer on `/es/` stays on `/es/`. Call it
        on the translation in `language` where one is live: its URL is its own.
        """
        url = self.get_full_url(request) if full else self.get_url(request)
        language = language or get_language()
        if url is None or self.locale.language_code == language:
            return url
        with translation.override(self.locale.language_code):
            return translate_url(url, language)

    # The hosted page. Views import lazily: forms, selectors and the signing
    # service all import these models.

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        """Add the count, the goal shown now, recent signers and why signing is
        closed (if it is)."""
        from campaigns.selectors import current_goal, recent_signers, signature_count
        from campaigns.services import campaign_identity
        from campaigns.signing import closed_reason

        context = super().get_context(request, *args, **kwargs)
        campaign = campaign_identity(self)
        count = signature_count(campaign)
        context.update(
            campaign=campaign,
            signature_count=count,
            goal=current_goal(self, count),
            recent_signers=(
                recent_signers(campaign, limit=RECENT_SIGNERS_SHOWN)
                if self.show_recent_signers
                else []
            ),
            canonical_url=request.build_absolute_uri(self.url_in_language(request)),
            closed_reason="" if self.is_accepting() else closed_reason(self),
        )
        return context

    @path("", name="sign")
    def sign(self, request: HttpRequest) -> HttpResponse:
        """The page itself: `?partner=<key>` credits a partner."""
        return self._sign_view(request, "")

    @path("p/<str:partner_key>/", name="sign_via_partner")
    def sign_via_partner(self, request: HttpRequest, partner_key: str) -> HttpResponse:
        """The page reached through a partner's link, which credits the partner."""
        return self._sign_view(request, partner_key)

    @path("thanks/", name="thanks")
    def thanks(self, request: HttpRequest) -> HttpResponse:
        """The state after signing, the same for a new and a repeat signer."""
        try:
            signer_name = signing.loads(
                request.COOKIES.get(THANKS_COOKIE, ""),
                salt=THANKS_COOKIE,
                max_age=THANKS_MAX_AGE,
            )
        except signing.BadSignature:
            signer_name = ""
        response = self.render(
            request, context_overrides={"signed": True, "signer_name": signer_name}
        )
        # Shown once: the name is not kept around in the browser either.
        response.delete_cookie(THANKS_COOKIE, path=self.url_in_language(request))
        return response

    @method_decorator(sensitive_post_parameters())
    @sensitive_variables()
    def _sign_view(self, request: HttpRequest, partner_key: str) -> HttpResponse:
        from campaigns.forms import PARTNER_KEY_MAX, SignForm, attribution
        from campaigns.selectors import partner_for_key
        from campaigns.signing import CampaignNotAccepting
        from campaigns.throttling import request_client_key

        data = request.POST.copy() if request.method == "POST" else None
        if data is not None and partner_key:
            data["partner"] = partner_key  # the link's partner, whatever was posted
        key = partner_key or (data or request.GET).get("partner", "")
        partner = partner_for_key(key[:PARTNER_KEY_MAX])
        form = SignForm(
            data, initial=attribution(request, partner_key), page=self, partner=partner
        )
        if form.is_bound:
            try:
                signed = form.sign(get_language(), request_client_key(request))
                if signed is not None:
                    return self._after_signing(request, form.cleaned_data)
            except CampaignNotAccepting:
                return self.render(request)
        return self.render(
            request,
            context_overrides={
                "form": form,
                "partner": partner,
                "action_url": request.path,
            },
        )

    def _after_signing(
        self, request: HttpRequest, cleaned: dict[str, Any]
    ) -> HttpResponseRedirect:
        if self.redirect_url:
            return HttpResponseRedirect(self.redirect_url)
        page_url = self.url_in_language(request) or ""
        response = HttpResponseRedirect(page_url + self.reverse_subpage("thanks"))
        if cleaned.get("first_name"):
            response.set_cookie(
                THANKS_COOKIE,
                signing.dumps(cleaned["first_name"], salt=THANKS_COOKIE),
                max_age=THANKS_MAX_AGE,
                path=page_url,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return response


class CampaignQuestion(Orderable):
    """A custom question on a campaign's form."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("Single choice")
        CHECKBOX = "checkbox", _("Checkbox")

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        _("key"),
        max_length=40,
        help_text=_(
            "Names the answer in exports and the API; keep it across translations."
        ),
    )
    label = models.CharField(
        _("question"),
        max_length=300,
        help_text=_("The question as the form asks it, in this page's language."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=10,
        choices=Kind.choices,
        help_text=_("A free text answer, one option from a list, or a checkbox."),
    )
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("For a single choice: one option per line."),
    )
    required = models.BooleanField(
        _("required"),
        default=False,
        help_text=_("Whether a signer must answer before signing."),
    )

    class Meta(Orderable.Meta):
        # A question made outside the editor has no sort_order; the pk keeps its place.
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "key"], name="undersign_question_key"
            )
        ]

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class CampaignPartner(Orderable):
    """A partner of a campaign, with the consent label its checkbox shows."""

    page = ParentalKey(
        CampaignPage, on_delete=models.CASCADE, related_name="campaign_partners"
    )
    partner = models.ForeignKey(
        "undersign_campaigns.Partner",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("partner"),
        help_text=_(
            "An organization that embeds the campaign; signers it brings are "
            "credited to it."
        ),
    )
    consent_label = models.CharField(
        _("consent label"),
        max_length=300,
        blank=True,
        help_text=_(
            "Left empty, it reads “Allow (the partner's name) to contact me” in "
            "the page's language; change it as you like."
        ),
    )

    class Meta(Orderable.Meta):
        # A link made outside the editor has no sort_order; the pk keeps its place.
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "partner"], name="undersign_campaign_partner_once"
            )
        ]

    def default_label(self, language: str) -> str:
        """Return "Allow <partner> to contact me" in `language`."""
        return consent_label_pattern(language) % {"partner": self.partner.name}

    def label(self) -> str:
        """Return the checkbox's text: the organizer's, else the default in the
        page's language (a row published from an old draft may have none)."""
        return self.consent_label or self.default_label(self.page.locale.language_code)


def consent_label_pattern(language: str) -> str:
    """Return the default partner consent label in `language`, with a
    `%(partner)s` placeholder for the partner's name."""
    with translation.override(language):
        return gettext("Allow %(partner)s to contact me")
