"""StreamField blocks for campaign pages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "undersign/blocks/quote.html"


BACKGROUND_BLOCKS = [
    (
        "paragraph",
        blocks.RichTextBlock(
            features=RICH_TEXT_FEATURES, template="undersign/blocks/paragraph.html"
        ),
    ),
    ("quote", QuoteBlock()),
    ("image", ImageBlock(template="undersign/blocks/image.html")),
]

DEMAND_BLOCKS = [
    ("demand", blocks.TextBlock(label=_("demand"), max_length=1000)),
]
