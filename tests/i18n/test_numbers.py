"""Counts are written the way each language writes numbers."""

from __future__ import annotations

import pytest

from campaigns.models import Campaign


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "12,345"), ("fr", "12\xa0345"), ("pl", "12\xa0345"), ("ru", "12\xa0345")],
)
def test_hosted_count_is_grouped_per_language(client, hosted, language, shown):
    Campaign.objects.filter(translation_key=hosted.translation_key).update(
        count_offset=12345
    )

    html = client.get(f"/{language}/").content.decode()

    assert f"<strong>{shown}</strong>" in html


def test_embed_count_is_grouped_per_language(client, hosted):
    Campaign.objects.filter(translation_key=hosted.translation_key).update(
        count_offset=12345
    )

    html = client.get("/embed/stop-the-detentions/", {"lang": "en"}).content.decode()

    assert "<strong data-us-count>12,345</strong>" in html
    assert 'data-count="12345"' in html
