"""What the wheel carries: the pinned script releases, and only the dependencies
the plugin needs at run time.
"""

from __future__ import annotations

import json
import zipfile
from email.parser import Parser

from widget.releases import integrity


def _metadata(archive: zipfile.ZipFile) -> list[str]:
    (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    return Parser().parsestr(archive.read(name).decode()).get_all("Requires-Dist")


def test_the_wheel_brings_every_release_matching_its_manifest(wheel):
    with zipfile.ZipFile(wheel) as archive:
        manifest = json.loads(archive.read("widget/releases/manifest.json"))
        scripts = {
            name.removeprefix("widget/releases/undersign-").removesuffix(".js"): name
            for name in archive.namelist()
            if name.startswith("widget/releases/undersign-")
        }
        hashes = {v: integrity(archive.read(path)) for v, path in scripts.items()}

    assert manifest
    assert hashes == manifest


def test_pdf_support_is_an_extra_and_the_site_only_packages_stay_out(wheel):
    with zipfile.ZipFile(wheel) as archive:
        requires = _metadata(archive)
        top_level = {name.split("/")[0] for name in archive.namelist()}

    assert [r for r in requires if r.startswith("weasyprint")] == [
        'weasyprint>=62; extra == "pdf"'
    ]
    assert not any(r.startswith(("django-redis", "dj-database-url")) for r in requires)
    assert {"campaigns", "widget"} <= top_level
    assert not top_level & {"cms", "tests", "bench"}
