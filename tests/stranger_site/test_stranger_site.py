"""A stranger's Wagtail site: `wagtail start`, the wheel, the README's install
section verbatim, then signing in Chromium from another site name, the API's
schema and docs, and the worker sending the thank-you email. Once with the plugin
at the site root, once under `petitions/`.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from playwright.sync_api import Browser, expect

from tests.stranger_site.readme import commands, install_blocks
from tests.wheel import ROOT, build_wheel

pytestmark = pytest.mark.e2e

WAGTAIL_URLS_LINE = 'path("", include(wagtail_urls)),'
CREATE_CAMPAIGN = """
import json, sys
from wagtail.models import Site
from campaigns.models import CampaignPage
from campaigns.services import campaign_identity
from widget.snippets import page_snippets
home = Site.objects.get(is_default_site=True).root_page
page = CampaignPage.objects.filter(slug="stop-the-detentions").first()
if page is None:
    page = CampaignPage(
        title="Stop the detentions", slug="stop-the-detentions",
        call_to_action="Tell the Mayor to stop all collaboration with ICE",
        target="Mayor of New York", letter="<p>Dear Mayor,</p>",
        organizer_name="ICE-Free NYC", goal=1000, open_to_all_sites=True,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
found = page_snippets(site=sys.argv[1], page=page)
print(json.dumps({"isolated": found.isolated, "inline": found.inline,
                  "url": page.get_url(), "key": campaign_identity(page).public_key}))
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 - our own server
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    """A fresh virtualenv with the wheel installed as the README says."""
    work = tmp_path_factory.mktemp("stranger")
    wheel = build_wheel(work / "dist")
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)  # noqa: S603
    # The site's pinned versions (the pip cache has them); `wagtail start` would
    # ask for Django 6.1, which needs Python 3.12.
    constraints = work / "constraints.txt"
    constraints.write_text(
        "\n".join(
            re.sub(r"\[.*?\]", "", line)  # constraints take no extras
            for line in (ROOT / "requirements.txt").read_text().splitlines()
            if not line.startswith(("-", "#"))
        )
    )
    (install,) = commands(install_blocks()["install"])
    assert install[:2] == ["pip", "install"]
    packages = [
        arg.replace("undersign", str(wheel), 1) if arg.startswith("undersign") else arg
        for arg in install[2:]
    ]
    subprocess.run(  # noqa: S603
        [
            str(work / "venv/bin/python"),
            "-m",
            "pip",
            "install",
            "-q",
            "-c",
            str(constraints),
            *packages,
        ],
        check=True,
        timeout=600,
    )
    return work / "venv"


@dataclass
class Site:
    root: Path
    env: dict[str, str]
    python: str

    def run(self, *args: str, stdin: str = "") -> str:
        """Run the site's Python with `args`; return its output, fail with it."""
        done = subprocess.run(  # noqa: S603 - the site's own interpreter
            [self.python, *args],
            cwd=self.root,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout + done.stderr

    def start(self, argv: list[str], log: Path) -> subprocess.Popen:
        return subprocess.Popen(  # noqa: S603
            [self.python if argv[0] == "python" else argv[0], *argv[1:]],
            cwd=self.root,
            env=self.env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )


def make_site(venv: Path, where: Path, urls_tag: str) -> Site:
    """`wagtail start` a site and apply the README's settings and URLconf line."""
    where.mkdir()
    subprocess.run(  # noqa: S603
        [str(venv / "bin/wagtail"), "start", "mysite", str(where)],
        check=True,
        capture_output=True,
    )
    blocks = install_blocks()
    settings = where / "mysite/settings/base.py"
    settings.write_text(settings.read_text() + "\n" + blocks["settings"])
    urls = where / "mysite/urls.py"
    source = urls.read_text()
    assert WAGTAIL_URLS_LINE in source
    urls.write_text(
        source.replace(
            f"    {WAGTAIL_URLS_LINE}",
            f"    {blocks[urls_tag].strip()},\n    {WAGTAIL_URLS_LINE}",
        )
    )
    env = {
        "PATH": f"{venv / 'bin'}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(where),
        "DJANGO_SETTINGS_MODULE": "mysite.settings.dev",
        "UNDERSIGN_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "UNDERSIGN_BLIND_INDEX_KEY": "a-stranger-site-blind-index-key",
        "PYTHONUNBUFFERED": "1",
    }
    return Site(where, env, str(venv / "bin/python"))


def _sign(browser: Browser, url: str, mode: str, email: str, name: str) -> None:
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(url)
        widget = tab.locator("undersign-petition")
        scope = (
            widget
            if mode == "inline"
            else tab.frame_locator("undersign-petition iframe")
        )
        scope.get_by_label("Email", exact=True).fill(email)
        scope.get_by_label("First name", exact=True).fill(name)
        scope.get_by_label("Last name", exact=True).fill("Doe")
        # As a person takes a moment: a form signed faster than the minimum fill
        # time (3 s by default) is silently held, its email with it.
        tab.wait_for_timeout(3500)
        scope.get_by_role("button", name="Sign the petition").click()
        expect(scope.get_by_role("heading", name=f"Thank you, {name}!")).to_be_visible(
            timeout=15_000
        )
    finally:
        context.close()


@pytest.mark.parametrize(
    ("urls_tag", "prefix"), [("urls", ""), ("urls-prefix", "petitions/")]
)
def test_a_stranger_site_installs_signs_documents_and_sends(
    venv, browser, tmp_path, urls_tag, prefix
):
    site = make_site(venv, tmp_path / "site", urls_tag)
    for argv in commands(install_blocks()["migrate"]):
        assert argv[:2] == ["python", "manage.py"]
        site.run(*argv[1:])
    port, partner_port = free_port(), free_port()
    origin = f"http://undersign.test:{port}"
    made = site.run(
        "-c",
        "import django, sys; django.setup(); exec(sys.stdin.read())",
        origin,
        stdin=CREATE_CAMPAIGN,
    )
    campaign = json.loads(next(line for line in made.splitlines() if line[:1] == "{"))
    partner = tmp_path / "partner"
    partner.mkdir()
    for mode in ("isolated", "inline"):
        (partner / f"{mode}.html").write_text(
            f"<!doctype html><html lang=en><title>Partner</title>"
            f"<h1>A partner's page</h1>{campaign[mode]}</html>"
        )
    (worker_argv,) = commands(install_blocks()["worker"])
    server = site.start(
        ["python", "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        tmp_path / "server.log",
    )
    worker_log = tmp_path / "worker.log"
    worker = site.start(worker_argv, worker_log)
    partner_server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "http.server",
            str(partner_port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(partner),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/{prefix}api/v1/campaigns/")
        wait_for(f"http://127.0.0.1:{partner_port}/isolated.html")
        partner_origin = f"http://partner.test:{partner_port}"

        _sign(
            browser,
            f"{partner_origin}/isolated.html",
            "isolated",
            "ana@example.org",
            "Ana",
        )
        _sign(
            browser, f"{partner_origin}/inline.html", "inline", "bo@example.org", "Bo"
        )

        context = browser.new_context()
        tab = context.new_page()
        outside: list[str] = []
        tab.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((origin, "data:"))
                else outside.append(request.url)
            ),
        )
        schema = tab.goto(f"{origin}/{prefix}api/v1/schema/?format=json")
        assert schema.status == 200
        assert (
            f"/{prefix}api/v1/campaigns/{{key}}/signatures/" in schema.json()["paths"]
        )
        docs = tab.goto(f"{origin}/{prefix}api/v1/docs/")
        assert docs.status == 200
        expect(tab.locator(".swagger-ui .info .title")).to_contain_text(
            "Undersign API", timeout=15_000
        )
        assert outside == []
        if prefix:
            # The plugin under a prefix takes none of the host's own paths.
            assert tab.goto(f"{origin}/privacy/").status == 404
        context.close()

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not all(
            address in worker_log.read_text()
            for address in ("To: ana@example.org", "To: bo@example.org")
        ):
            time.sleep(0.5)
        sent = worker_log.read_text()
        assert "To: ana@example.org" in sent, sent
        assert "To: bo@example.org" in sent, sent
    finally:
        for process in (server, worker, partner_server):
            process.terminate()
            process.wait(timeout=30)

    for argv in commands(install_blocks()["check"]):
        assert "undersign_campaigns" not in site.run(*argv[1:])
