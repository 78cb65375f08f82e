"""Print what a signer downloads to see the widget's form, raw and gzipped, per mode.

Run from the repository root (starts no server; builds a throwaway test database):

    .venv/bin/python bench/widget_size.py

Budget: the script ≤ 15 KB gzipped; each mode (script + document or fragment +
stylesheet) ≤ 20 KB gzipped. Exits 1 when over budget.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
os.environ.pop("DATABASE_URL", None)  # always a throwaway SQLite database
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

KB = 1024
SCRIPT_BUDGET = 15 * KB
MODE_BUDGET = 20 * KB
CAMPAIGN = "ice-free-nyc"
PARTNER = "make-the-road"


def fetch(client: Client, url: str) -> bytes:
    response = client.get(url, headers={"Accept-Language": "en"})
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    if response.streaming:  # static files come as file streams
        return b"".join(response.streaming_content)
    return response.content


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def report(mode: str, items: dict[str, bytes]) -> int:
    """Print one mode's table; return its gzipped total."""
    say(f"\n{mode}")
    total_raw = total_gz = 0
    for name, body in items.items():
        raw, gz = len(body), len(gzip.compress(body, compresslevel=9))
        total_raw, total_gz = total_raw + raw, total_gz + gz
        say(f"  {name:<66} {raw:>8,} B raw {gz:>8,} B gzip")
    verdict = "ok" if total_gz <= MODE_BUDGET else "OVER BUDGET"
    say(f"  {'total':<66} {total_raw:>8,} B raw {total_gz:>8,} B gzip")
    say(f"  budget {MODE_BUDGET:,} B gzip: {verdict}")
    return total_gz


def main() -> int:
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    call_command("undersign_seed_demo", partner_port=8001, stdout=io.StringIO())
    client = Client()
    query = f"?partner={PARTNER}&lang=en"
    script = fetch(client, "/widget/v1/undersign.js")
    css = fetch(client, "/static/undersign_widget/embed.css")
    isolated = report(
        "isolated (iframe)",
        {
            "/widget/v1/undersign.js": script,
            f"/embed/{CAMPAIGN}/{query}": fetch(client, f"/embed/{CAMPAIGN}/{query}"),
            "embed.css": css,
        },
    )
    fragment = f"/api/v1/campaigns/{CAMPAIGN}/embed/{query}"
    inline = report(
        "inline (Shadow DOM)",
        {
            "/widget/v1/undersign.js": script,
            fragment: fetch(client, fragment),
            "embed.css": css,
        },
    )
    script_gz = len(gzip.compress(script, compresslevel=9))
    ok = script_gz <= SCRIPT_BUDGET and max(isolated, inline) <= MODE_BUDGET
    say(f"\nscript alone: {script_gz:,} B gzip (budget {SCRIPT_BUDGET:,})")
    say("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
