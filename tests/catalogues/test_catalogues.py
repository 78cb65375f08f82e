"""The twelve catalogues: complete, valid, compiled, and really in their language."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
APPS = ("campaigns", "widget")
LANGUAGES = (
    "en", "es", "zh_Hans", "zh_Hant", "ru", "bn", "ht", "ko", "ar", "ur", "fr", "pl",
)  # fmt: skip
# The script most of a catalogue's letters must be in (Unicode character names).
SCRIPTS = {
    "ru": "CYRILLIC",
    "bn": "BENGALI",
    "ko": "HANGUL",
    "ar": "ARABIC",
    "ur": "ARABIC",
    "zh_Hans": "CJK",
    "zh_Hant": "CJK",
}
# Words that are the same in every language (brands), and words that truly are the
# same in one language as in English.
SAME_EVERYWHERE = {"WhatsApp", "Facebook", "X", "Webhook"}
SAME_IN = {
    "es": {"OK", "Token"},
    "fr": {
        "OK", "logo", "Logo", "question", "Question", "signature", "signatures",
        "Signature", "Signatures", "Signature %(id)s", "Pages", "Action", "Source",
    },
    "pl": {"OK", "logo", "Logo", "partner", "Partner", "Token", "Status"},
    "ht": {"logo", "Logo"},
}  # fmt: skip
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}|<[^>]+>|&\w+;")
CATALOGUES = [
    pytest.param(
        ROOT / app / "locale" / lang / "LC_MESSAGES" / "django.po", id=f"{app}-{lang}"
    )
    for app in APPS
    for lang in LANGUAGES
]


def _language(path: Path) -> str:
    return path.parts[-3]


def _letters(text: str) -> str:
    return "".join(ch for ch in PLACEHOLDER.sub("", text) if ch.isalpha())


def _translations(entry: polib.POEntry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.mark.parametrize("path", CATALOGUES)
def test_catalogue_passes_msgfmt_check(path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (gettext) is needed to check the catalogues"

    checked = subprocess.run(  # noqa: S603 - fixed tool, our own file
        [msgfmt, "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )

    assert checked.returncode == 0, checked.stderr


@pytest.mark.parametrize("path", CATALOGUES)
def test_catalogue_has_no_missing_or_fuzzy_entry(path):
    catalogue = polib.pofile(str(path))

    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert not catalogue.metadata_is_fuzzy
    assert len(catalogue.translated_entries()) > 0


@pytest.mark.parametrize("path", CATALOGUES)
def test_plural_entries_have_every_form_the_language_needs(path):
    catalogue = polib.pofile(str(path))
    forms = int(re.search(r"nplurals=(\d+)", catalogue.metadata["Plural-Forms"])[1])

    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(forms)), entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize(
    "path", [p for p in CATALOGUES if _language(p.values[0]) != "en"]
)
def test_no_entry_is_left_in_english(path):
    catalogue = polib.pofile(str(path))
    allowed = SAME_EVERYWHERE | SAME_IN.get(_language(path), set())

    left = [
        entry.msgid
        for entry in catalogue.translated_entries()
        if entry.msgstr == entry.msgid
        and _letters(entry.msgid)
        and entry.msgid not in allowed
    ]

    assert left == []


@pytest.mark.parametrize(
    "path", [p for p in CATALOGUES if _language(p.values[0]) in SCRIPTS]
)
def test_catalogue_is_written_in_its_own_script(path):
    script = SCRIPTS[_language(path)]
    catalogue = polib.pofile(str(path))
    letters = "".join(
        _letters(text)
        for entry in catalogue.translated_entries()
        for text in _translations(entry)
    )

    own = sum(script in unicodedata.name(ch, "") for ch in letters)

    assert own / len(letters) > 0.8


@pytest.mark.parametrize("path", CATALOGUES)
def test_compiled_catalogue_matches_its_source(path):
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), "run compilemessages in the app's folder"
    source = {e.msgid: _translations(e) for e in polib.pofile(str(path))}
    binary = {e.msgid: _translations(e) for e in polib.mofile(str(compiled))}

    assert {k: v for k, v in binary.items() if k} == source


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_django_serves_each_translation(language):
    with translation.override(translation.to_language(language)):
        signed = translation.gettext("Sign the petition")

    assert signed != "Sign the petition"
