"""Render the delivery PDF from an HTML template with WeasyPrint."""

from __future__ import annotations

from collections.abc import Iterable

from django.template.loader import render_to_string
from django.utils import translation

from campaigns.dashboard.selectors import site_today
from campaigns.delivery_pdf.selectors import postal_code_counts
from campaigns.models import Campaign, CampaignPage
from campaigns.sanitize import sanitize_richtext
from campaigns.selectors import signature_count

TEMPLATE = "undersign/admin/pdf/delivery.html"
# WeasyPrint is the optional `pdf` extra; it also needs Pango on the machine.
INSTALL_HINT = 'pip install "undersign[pdf]"'


def pdf_available() -> bool:
    """Return `True` if WeasyPrint can be imported (the `undersign[pdf]` extra)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: installed, but Pango is missing
        return False
    return True


def delivery_pdf(
    *, page: CampaignPage, campaign: Campaign, names: Iterable[str] | None = None
) -> bytes:
    """Return the petition as a PDF in `page`'s language: letter, demands, total,
    counts by postal code, and `names` only if given.
    """
    with translation.override(page.locale.language_code):
        html = render_to_string(
            TEMPLATE,
            {
                "page": page,
                "letter": sanitize_richtext(page.letter),
                "demands": [str(block.value) for block in page.demands],
                "total": signature_count(campaign),
                "postal_codes": postal_code_counts(campaign),
                "names": names,
                "date": site_today(),
                "rtl": translation.get_language_bidi(),
            },
        )
    # Imported here: WeasyPrint parses its stylesheets on import, which every web
    # process and command would otherwise pay at start-up.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # Nothing is fetched: images in the letter stay out rather than have the
    # server request addresses an editor typed.
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf()
