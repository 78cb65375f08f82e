"""Output serializers: what the public reads and the sign endpoint return."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from campaigns.api.language import requested_language
from campaigns.api.reads import CampaignRead
from campaigns.sanitize import sanitize_html


class CampaignSummarySerializer(serializers.Serializer):
    key = serializers.CharField(source="campaign.public_key")
    title = serializers.CharField(source="page.title")
    call_to_action = serializers.CharField(source="page.call_to_action")
    target = serializers.CharField(source="page.target")
    state = serializers.CharField(source="page.state")
    url = serializers.SerializerMethodField(
        help_text=_("The hosted campaign page; null if the page is outside any site.")
    )
    count = serializers.IntegerField()
    goal = serializers.IntegerField(
        help_text=_("The goal shown now: it rises to the next step once reached.")
    )

    def get_url(self, read: CampaignRead) -> str | None:
        """The page under the asked language's prefix, translated or not."""
        request = self.context.get("request")
        language = requested_language(request) if request is not None else None
        return read.page.url_in_language(request, language, full=True)


class FormFieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    required = serializers.BooleanField()
    input_type = serializers.ChoiceField(choices=["email", "text", "tel", "textarea"])
    autocomplete = serializers.CharField()


class QuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    kind = serializers.CharField()
    choices = serializers.ListField(child=serializers.CharField(), source="choice_list")
    required = serializers.BooleanField()


class ConsentSerializer(serializers.Serializer):
    key = serializers.CharField(help_text=_("Send it back in `consents` if ticked."))
    label = serializers.CharField()


class CampaignDetailSerializer(CampaignSummarySerializer):
    """Everything a form needs to render; HTML fields are sanitized."""

    language = serializers.CharField(source="page.locale.language_code")
    kicker = serializers.CharField(source="page.kicker")
    organizer_name = serializers.CharField(source="page.organizer_name")
    background = serializers.SerializerMethodField()
    letter = serializers.SerializerMethodField()
    demands = serializers.SerializerMethodField()
    is_accepting = serializers.BooleanField(source="page.is_accepting")
    outcome_note = serializers.CharField(source="page.outcome_note")
    fields = FormFieldSerializer(source="form_fields", many=True)
    questions = QuestionSerializer(source="page.questions.all", many=True)
    consents = ConsentSerializer(source="offered_consents", many=True)
    thank_you_message = serializers.CharField(source="page.thank_you_message")
    share_text = serializers.CharField(source="page.share_text")
    double_opt_in = serializers.BooleanField(source="page.double_opt_in")
    redirect_url = serializers.CharField(source="page.redirect_url")

    def get_background(self, read: CampaignRead) -> str:
        return sanitize_html(read.page.background.render_as_block())

    def get_letter(self, read: CampaignRead) -> str:
        return sanitize_html(expand_db_html(read.page.letter))

    def get_demands(self, read: CampaignRead) -> list[str]:
        return [str(block.value) for block in read.page.demands]


class RecentSignerSerializer(serializers.Serializer):
    first_name = serializers.CharField()
    last_initial = serializers.CharField()
    signed_at = serializers.DateTimeField()


class StatsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    goal = serializers.IntegerField()
    recent_signers = RecentSignerSerializer(many=True)


class SignatureReceivedSerializer(serializers.Serializer):
    """The one reply for every accepted signing, new, repeated or replayed."""

    status = serializers.ChoiceField(choices=["received"])
    confirmation_required = serializers.BooleanField(
        help_text=_("The signer must confirm by email before the signature counts.")
    )


class FormTokenSerializer(serializers.Serializer):
    """A fresh form token, to send back as `form_token` when signing."""

    form_token = serializers.CharField(
        help_text=_("Records when the form was shown; fetch it as the form appears.")
    )
    expires_in = serializers.IntegerField(help_text=_("Seconds the token stays valid."))
    min_fill_seconds = serializers.FloatField(
        help_text=_(
            "Wait at least this long before signing with the token: a signing "
            "sent sooner gets the same 202 reply but is held back, not counted."
        )
    )
