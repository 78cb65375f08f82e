"""The campaign editor's form: what it fills in before a draft or publish."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm


class CampaignPageForm(WagtailAdminPageForm):
    """Fills each linked partner's empty consent label with the default, in the
    page's language, so the editor shows what signers will read and a draft
    (Wagtail's autosave included) never keeps a row that blocks publishing."""

    def save(self, commit: bool = True) -> Any:
        language = self.instance.locale.language_code
        for form in self.formsets["campaign_partners"].forms:
            link = form.instance
            if link.partner_id is not None and not link.consent_label:
                link.consent_label = link.default_label(language)
        return super().save(commit=commit)
