"""What the form tells a signer about their data, in the active language.

The same words are shown above the submit button and stored, as a consent
version of kind `privacy`, with every signature: what a signer was told is a
fact we can show later, not a template we might have edited since.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from campaigns.models import CampaignPage, Partner

if TYPE_CHECKING:
    from campaigns.signing.consents import OfferedConsent


def shown_partner(offered: Iterable[OfferedConsent]) -> Partner | None:
    """Return the partner whose consent box the form shows, if any."""
    return next((c.partner for c in offered if c.partner is not None), None)


def privacy_statement(page: CampaignPage, partner: Partner | None) -> str:
    """Return who gets a signer's details, for how long, and what the target gets.

    `partner` is the partner whose box the form shows: it is named, and it gets
    the details only if the box is ticked.
    """
    sentences = [
        _("%(organizer)s gets your details.") % {"organizer": page.organizer_name}
    ]
    if partner is not None:
        sentences.append(
            _("%(partner)s gets them only if you tick its box.")
            % {"partner": partner.name}
        )
    sentences.append(
        _("We keep your details until %(date)s.")
        % {"date": date_format(page.keep_data_until, "DATE_FORMAT")}
    )
    sentences.append(names_promise(page))
    return " ".join(sentences)


def names_promise(page: CampaignPage) -> str:
    """Return what the target gets of a signer: their name, or only the count.

    The form says it before signing and the thank-you says it again by default,
    so the two never disagree.
    """
    if page.names_to_target:
        return _("Your name goes to %(target)s with the petition.") % {
            "target": page.target
        }
    return _(
        "Your name is not given to %(target)s: they receive only the "
        "number of signatures."
    ) % {"target": page.target}
