"""Qt's side of the sixteen languages: its own catalogs, its locales, the screen fonts, and the
language picker's draft marks."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QRawFont
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from prepkit import catalogs, i18n, paths
from prepkit.ui import qtsetup, style
from prepkit.ui.pages.start import DRAFT, StartPage
from prepkit.ui.saver import Saver

# Qt ships qtbase_*.qm for these (Dari uses Persian's): its buttons and dialogs speak them.
QT_CANCEL = {"es": "Cancelar", "pt_BR": "Cancelar", "fr": "Annuler", "ar": "ألغِ",
             "zh_Hans": "取消", "fa_AF": "انصراف"}


def cancel_text() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")


@pytest.mark.parametrize("code", i18n.language_codes())
def test_qt_own_buttons_speak_the_language_when_qt_has_a_catalog(qapp, code):
    app = QApplication.instance()
    qtsetup.apply_language(app, "es")  # something else first: a switch must not leave it
    try:
        qtsetup.apply_language(app, code)
        if code in QT_CANCEL:
            assert cancel_text() == QT_CANCEL[code]
        else:  # no qtbase catalog: Qt's English, never the previous language's words
            assert cancel_text() == "Cancel"
    finally:
        qtsetup.apply_language(app, i18n.DEFAULT)
    assert cancel_text() == "Cancel"


EXPECTED_QT_LANGUAGE = {
    "en": QLocale.Language.English, "es": QLocale.Language.Spanish,
    "pt_BR": QLocale.Language.Portuguese, "ht": QLocale.Language.Haitian,
    "ar": QLocale.Language.Arabic, "vi": QLocale.Language.Vietnamese,
    "ak": QLocale.Language.Akan, "sq": QLocale.Language.Albanian,
    "ne": QLocale.Language.Nepali, "ps": QLocale.Language.Pashto,
    "fa_AF": QLocale.Language.Persian, "so": QLocale.Language.Somali,
    "sw": QLocale.Language.Swahili, "zh_Hans": QLocale.Language.Chinese,
    "fr": QLocale.Language.French, "kea": QLocale.Language.Kabuverdianu,
}


@pytest.mark.parametrize("code", i18n.language_codes())
def test_every_language_has_its_qt_locale(code):
    lang = i18n.language(code)
    locale = QLocale(lang.qt_locale)
    assert locale.language() == EXPECTED_QT_LANGUAGE[code]
    rtl = locale.textDirection() == QLocale(QLocale.Language.Arabic).textDirection()
    assert rtl == lang.is_rtl
    if code == "pt_BR":
        assert locale.territory() == QLocale.Country.Brazil
    if code == "fa_AF":
        assert locale.territory() == QLocale.Country.Afghanistan  # Dari, not Iran's Persian
    if code == "zh_Hans":
        assert locale.script() == QLocale.Script.SimplifiedHanScript


# Characters that draw nothing on purpose: they steer shaping, joining or direction.
INVISIBLE = {"\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\u2067", "\u2068", "\u2069",
             "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\ufeff", "\u00ad", "\u061c"}
# What the window draws itself besides the catalog: the step marks and the text-size buttons.
WINDOW_SYMBOLS = "✓○−+"


def _catalog_texts(code: str) -> list[str]:
    path = catalogs.pot_path() if code == i18n.DEFAULT else catalogs.po_path(code)
    texts: list[str] = []
    for message in catalogs.read(path):
        source = message.id if code == i18n.DEFAULT else message.string
        strings = source if isinstance(source, tuple) else (source,)
        texts.extend(s for s in strings if s)
    return texts


@pytest.fixture(scope="module")
def screen_fonts(qapp) -> dict[str, QRawFont]:
    """The shipped fonts the application font falls back through, read from their files."""
    qtsetup.register_fonts()
    fonts: dict[str, QRawFont] = {}
    for ttf in sorted(paths.fonts_dir().glob("*.ttf")):
        raw = QRawFont(str(ttf), 12)
        assert raw.isValid(), ttf
        if raw.familyName() in style.FONT_FAMILIES and raw.style() == QFont.Style.StyleNormal:
            fonts.setdefault(raw.familyName(), raw)
    assert sorted(fonts) == sorted(style.FONT_FAMILIES)  # every family of the chain ships
    return fonts


@pytest.mark.parametrize("code", i18n.language_codes())
def test_the_screen_fonts_cover_every_catalog(screen_fonts, code):
    assert set(qtsetup.register_fonts()) >= set(style.FONT_FAMILIES)
    texts = [*_catalog_texts(code), i18n.language(code).native_name, WINDOW_SYMBOLS]
    chars = {ch for text in texts for ch in unicodedata.normalize("NFC", text)
             if not ch.isspace() and ch not in INVISIBLE and unicodedata.category(ch) != "Cc"}
    assert len(chars) > 20
    missing = sorted(f"U+{ord(ch):04X} {ch}" for ch in chars
                     if not any(raw.supportsCharacter(ord(ch)) for raw in screen_fonts.values()))
    assert missing == []


def test_a_character_no_screen_font_has_is_caught(screen_fonts):
    # (By code point: PySide takes a one-letter str as a QChar, which fails outside ASCII.)
    assert any(raw.supportsCharacter(ord("ñ")) for raw in screen_fonts.values())
    assert not any(raw.supportsCharacter(0x1780) for raw in screen_fonts.values())  # Khmer


def draft_marks(page: StartPage) -> dict[str, str]:
    """Language code -> the draft mark shown under its button ("" when there is none)."""
    marks = {}
    for code, button in page.language_buttons.items():
        cell = button.parentWidget()
        labels = [label for label in cell.findChildren(QLabel) if label.property("role") == "draft"]
        marks[code] = labels[0].text() if labels else ""
    return marks


def test_draft_marks_are_each_in_their_own_language(qtbot, store, monkeypatch):
    from prepkit.plan import Plan

    reviewed = {"es", "ar"}
    monkeypatch.setattr(i18n, "is_draft",
                        lambda code: code != i18n.DEFAULT and code not in reviewed)
    plan = Plan()
    page = StartPage(plan, Saver(store, plan))
    qtbot.addWidget(page)
    # The marks are filled after the page's first paint, so the first window is not kept
    # waiting for fifteen catalogs; before it, each cell has its (empty) place.
    assert set(draft_marks(page).values()) == {""}
    page.show()
    qtbot.waitUntil(lambda: draft_marks(page)["fr"] != "")
    marks = draft_marks(page)
    assert marks["en"] == "" and marks["es"] == "" and marks["ar"] == ""
    for code in set(i18n.language_codes()) - reviewed - {i18n.DEFAULT}:
        assert marks[code] == i18n.translations(code).gettext(DRAFT), code
    translated = {code for code, mark in marks.items() if mark and mark != DRAFT}
    assert {"fr", "ne", "zh_Hans"} <= translated  # written in the language, not in English
    assert page.language_buttons["es"].toolTip() == ""
    assert page.language_buttons["fr"].toolTip()  # the draft explained to who hovers
    # The same page in another interface language: the marks do not follow it.
    i18n.set_interface_language("ar")
    page.retranslate()
    assert draft_marks(page) == marks


def test_filling_the_draft_marks_moves_no_language_button(qtbot, store):
    from prepkit.plan import Plan

    plan = Plan()
    page = StartPage(plan, Saver(store, plan))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()  # lays the page out now; the marks come after its first paint
    assert set(draft_marks(page).values()) == {""}
    before = {code: button.geometry() for code, button in page.language_buttons.items()}
    qtbot.waitUntil(lambda: draft_marks(page)["ne"] != "")
    page.layout().activate()
    after = {code: button.geometry() for code, button in page.language_buttons.items()}
    assert after == before
