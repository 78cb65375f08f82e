"""Reading export responses back as CSV records."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponseBase
from django.test import Client
from django.urls import reverse

BOM = "\ufeff".encode()


def start_url(**params: object) -> str:
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return reverse("undersign_exports:start") + (f"?{query}" if query else "")


def records(response: HttpResponseBase) -> list[dict[str, str]]:
    """Return the CSV rows of a streamed or file response as dicts by column;
    the file must start with the byte-order mark Excel needs."""
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert body.startswith(BOM)
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def export(client: Client, **params: object) -> list[dict[str, str]]:
    response = client.get(start_url(**params))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    return records(response)
