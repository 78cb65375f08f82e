"""The campaigns section: an index page that lists a site's open campaigns."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from campaigns.blocks import RICH_TEXT_FEATURES
from campaigns.models.page import CampaignPage, not_at_tree_root


class CampaignIndexPage(Page):
    """A site's campaigns section; its children are campaigns, each with its URL."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the list of open campaigns."),
    )

    subpage_types = ["undersign_campaigns.CampaignPage"]
    template = "undersign/campaign_index.html"
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("campaigns section")

    @classmethod
    def can_exist_under(cls, parent: Page) -> bool:
        """Anywhere a host allows it, but not at the tree root, outside every site."""
        return super().can_exist_under(parent) and not_at_tree_root(parent)

    def open_campaigns(self) -> list[CampaignPage]:
        """Return the live, public campaigns here that take signatures now."""
        children = CampaignPage.objects.child_of(self).live().public().order_by("path")
        return [page for page in children if page.is_accepting()]

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        """Route to a child, or to a campaign filed in another language's section.

        A campaign translated into few languages still has a URL in every one:
        `/es/campaigns/<slug>/` serves its Spanish translation when there is one,
        else the campaign itself (with the interface in Spanish).
        """
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
        in_other_sections = Q(pk__in=[])
        for section in self.get_translations().only("path", "depth"):
            in_other_sections |= Q(
                path__startswith=section.path, depth=section.depth + 1
            )
        campaign = (
            CampaignPage.objects.live()
            .public()
            .filter(in_other_sections, slug=path_components[0])
            .first()
        )
        if campaign is None:
            raise Http404
        here = campaign.get_translation_or_none(self.locale)
        found = here if here is not None and here.live else campaign
        return found.specific.route(request, path_components[1:])

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = self.open_campaigns()
        return context
