"""Whatever primary colour a partner sets, text on it keeps 4.5:1 contrast."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from widget.panel import theme_style


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@given(st.integers(min_value=0, max_value=0xFFFFFF))
def test_text_on_any_primary_colour_has_aa_contrast(rgb):
    primary = f"#{rgb:06x}"

    style = theme_style(primary, "")

    on = re.search(r"--us-on-primary:(#[0-9a-f]{6})", style)
    assert on is not None
    assert _contrast(primary, on.group(1)) >= 4.5


def test_embed_page_pairs_the_color_parameter_with_readable_text(client, hosted):
    html = client.get(
        "/embed/stop-the-detentions/", {"color": "ffd166", "lang": "en"}
    ).content.decode()

    assert "{ --us-primary:#ffd166;--us-on-primary:#111111 }" in html


def test_an_invalid_color_parameter_leaves_the_default_theme(client, hosted):
    html = client.get(
        "/embed/stop-the-detentions/", {"color": "red;background:url(x)"}
    ).content.decode()

    assert "--us-primary" not in html
