"""The partner API's URLs, from the URLconf, and readers of its collections."""

from __future__ import annotations

from typing import Any

from django.urls import reverse


def osdi_url(name: str, *args: str) -> str:
    return reverse(f"undersign_api:osdi-{name}", args=args)


def embedded(response: Any, name: str) -> list[dict[str, Any]]:
    """Return the records of one page of the collection `osdi:<name>`."""
    assert response.status_code == 200, response.content
    records: list[dict[str, Any]] = response.json()["_embedded"][f"osdi:{name}"]
    return records


def emails(records: list[dict[str, Any]]) -> list[str]:
    """Return the address of each person, or of each signature's person."""
    people = [r["_embedded"]["osdi:person"] if "_embedded" in r else r for r in records]
    return [person["email_addresses"][0]["address"] for person in people]
