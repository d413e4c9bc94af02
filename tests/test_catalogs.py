"""The catalogs: up to date with the code, complete, placeholders intact, compilable, honest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from prepkit import catalogs, cli, i18n

TRANSLATED = [code for code in i18n.language_codes() if code != i18n.DEFAULT]


def test_template_is_not_stale_against_the_code() -> None:
    assert not catalogs.stale_template(), "run: python -m prepkit.catalogs extract"


@pytest.fixture(scope="module")
def template() -> Catalog:
    return catalogs.read(catalogs.pot_path())


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_is_complete_with_placeholders_and_plurals_and_compiles(
        code: str, template: Catalog) -> None:
    assert list(catalogs.problems(code, template)) == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_header_records_its_review_state(code: str) -> None:
    state, reviewer = catalogs.review_state(code)
    assert state in ("draft", "reviewed")
    assert (state == "reviewed") == bool(reviewer)
    assert i18n.is_draft(code) == (state == "draft")


def test_translations_are_really_used() -> None:
    i18n.translations.cache_clear()
    for code in TRANSLATED:
        assert i18n.translations(code).gettext("Next") != "Next", code


def test_the_checker_catches_a_broken_placeholder(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    source = catalogs.po_path("es").read_text(encoding="utf-8")
    broken = re.sub(r'(msgid "\{name\} has no phone number\."\nmsgstr ")[^"]*"',
                    r'\1{nombre} no tiene teléfono."', source)
    assert broken != source
    folder = tmp_path / "translations" / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "prepkit.po").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(catalogs.paths, "translations_dir", lambda: tmp_path / "translations")
    template = catalogs.extract()
    found = list(catalogs.problems("es", template))
    assert any("placeholders" in line and "{name}" not in line.split("!=")[0]
               for line in found), found


def test_i18n_status_command_lists_every_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["i18n", "status"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0].strip() for line in out] == list(i18n.language_codes())
    assert all(("draft" in line) or ("reviewed" in line) or ("source" in line) for line in out)
