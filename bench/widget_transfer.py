"""What a signer's browser transfers for the widget on a partner page, per mode.

The production settings (`cms.settings.production`, throwaway secrets) under
gunicorn, static files collected and served by WhiteNoise, a fresh SQLite
database with the demo seeded, and Debian's Chromium with an empty cache on a
partner page of another site (`partner.test` embeds `undersign.test`). Counted:
every request the widget causes until its form is ready, each with its response
headers and its body as it came over the wire (compressed), from Playwright's
request sizes (Chromium's `encodedDataLength`). The partner page itself is not
counted.

    .venv/bin/python bench/widget_transfer.py

Budget: 20 KB per mode. Exits 1 when over.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from cryptography.fernet import Fernet
from playwright.sync_api import Request, sync_playwright

from tests.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
KB = 1024
BUDGET = 20 * KB
HOST = "undersign.test"
MODES = {"isolated": "", "inline": ' mode="inline"'}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(work: Path, port: int) -> dict[str, str]:
    """Production settings with throwaway secrets, over plain http on loopback."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "PYTHONPATH": str(ROOT),
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "undersign.test",
        "BASE_URL": f"http://undersign.test:{port}",
        "UNDERSIGN_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "UNDERSIGN_BLIND_INDEX_KEY": secrets.token_urlsafe(32),
        "DEFAULT_FROM_EMAIL": "petitions@undersign.test",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "STATIC_ROOT": str(work / "static"),
        # No proxy and no TLS on loopback: the rest is production as shipped.
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_PROXY_SSL_HEADER": "",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"manage.py {args[0]} failed:\n{done.stderr[-2000:]}")


def prepare(env: dict[str, str], partner_origin: str, partner_port: int) -> None:
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    manage(env, "undersign_seed_demo", "--partner-port", str(partner_port))
    manage(
        env,
        "shell",
        "-c",
        "from campaigns.models import Partner; "
        "Partner.objects.filter(slug='make-the-road')"
        f".update(allowed_origins={partner_origin!r})",
    )


def serve(env: dict[str, str], url: str) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
        [PYTHON, "-m", "gunicorn", "-c", "cms/gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "GUNICORN_ERROR_LOG": os.devnull},
    )
    for _ in range(100):
        try:
            httpx.get(f"{url}/widget/v1/undersign.js", headers={"Host": HOST})
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("gunicorn did not start")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep the report clean."""


def partner_pages(root: Path, site: str) -> ThreadingHTTPServer:
    """Write one partner page per mode and serve them on a free port."""
    for mode, attribute in MODES.items():
        (root / f"{mode}.html").write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{mode}</title></head><body>"
            f'<script src="{site}/widget/v1/undersign.js" async></script>'
            '<undersign-petition campaign="ice-free-nyc" partner="make-the-road"'
            f"{attribute}></undersign-petition></body></html>",
            encoding="utf-8",
        )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def transferred(request: Request) -> int:
    sizes = request.sizes()
    return sizes["responseHeadersSize"] + sizes["responseBodySize"]


def measure(page_url: str, mode: str, site: str) -> list[tuple[str, int]]:
    """Load `page_url` with an empty cache; return (url, bytes) per widget request."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        context = browser.new_context()
        finished: list[Request] = []
        context.on("requestfinished", lambda request: finished.append(request))
        page = context.new_page()
        page.goto(page_url)
        widget = page.locator("undersign-petition")
        scope = widget if mode == "inline" else page.frame_locator("iframe")
        scope.get_by_role("button", name="Sign the petition").wait_for()
        page.wait_for_load_state("networkidle")
        rows = [
            (request.url.removeprefix(site), transferred(request))
            for request in finished
            if request.url.startswith(site)
        ]
        browser.close()
    return rows


def report(mode: str, rows: list[tuple[str, int]]) -> int:
    total = sum(size for _url, size in rows)
    sys.stdout.write(f"\n{mode}\n")
    for url, size in rows:
        sys.stdout.write(f"  {url[:70]:<70} {size:>7,} B\n")
    verdict = "ok" if total <= BUDGET else "OVER BUDGET"
    sys.stdout.write(f"  {'total':<70} {total:>7,} B  (budget {BUDGET:,}: {verdict})\n")
    return total


def main() -> int:
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing (apt-get install chromium)")
    port = free_port()
    site = f"http://undersign.test:{port}"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "partner").mkdir()
        pages = partner_pages(work / "partner", site)
        partner = f"http://partner.test:{pages.server_address[1]}"
        env = environment(work, port)
        prepare(env, partner, pages.server_address[1])
        server = serve(env, f"http://127.0.0.1:{port}")
        try:
            totals = [
                report(mode, measure(f"{partner}/{mode}.html", mode, site))
                for mode in MODES
            ]
        finally:
            server.terminate()
            server.wait()
            pages.shutdown()
    return 0 if max(totals) <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
