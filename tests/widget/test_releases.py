"""Releases never change: a changed script needs a new version."""

from __future__ import annotations

import base64
import hashlib
import json

import pytest
from django.core.checks import run_checks
from django.core.management import CommandError, call_command

from widget import __version__
from widget.releases import integrity, release_file, release_problems


def test_the_shipped_script_matches_its_release_and_releases_their_hashes():
    assert release_problems() == []


def test_the_release_command_copies_the_script_and_records_its_hash(script, settings):
    call_command("undersign_widget_release")

    content = script.read_bytes()
    expected = "sha384-" + base64.b64encode(hashlib.sha384(content).digest()).decode()
    assert release_file(__version__).read_bytes() == content
    manifest = json.loads(
        (settings.UNDERSIGN_WIDGET_RELEASES / "manifest.json").read_text()
    )
    assert manifest == {__version__: expected}
    assert integrity(content) == expected
    assert release_problems() == []


def test_a_changed_script_without_a_new_release_is_reported(script):
    call_command("undersign_widget_release")
    script.write_text('console.log("changed");\n')

    assert any("differs from release" in problem for problem in release_problems())


def test_the_release_command_refuses_to_overwrite_a_release(script):
    call_command("undersign_widget_release")
    script.write_text('console.log("changed");\n')

    with pytest.raises(CommandError, match="bump"):
        call_command("undersign_widget_release")


def test_a_modified_release_file_is_reported(script):
    call_command("undersign_widget_release")
    release_file(__version__).write_text('console.log("tampered");\n')

    problems = release_problems()

    assert any("does not match its recorded hash" in problem for problem in problems)


def test_a_missing_release_is_reported(script):
    assert any("no release" in problem for problem in release_problems())


def test_a_missing_release_is_a_system_check_warning(script):
    # The script exists but no release of its version was ever made (or the
    # package was installed without widget/releases/).
    warnings = [m for m in run_checks() if m.id == "undersign_widget.W001"]

    assert warnings
    assert f"no release of {__version__}" in warnings[0].msg


def test_the_shipped_releases_pass_the_system_check():
    assert [m for m in run_checks() if m.id == "undersign_widget.W001"] == []
