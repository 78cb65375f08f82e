"""The embeddable widget: script, embed page, inline fragment, snippets."""

__version__ = "1.2.0"
