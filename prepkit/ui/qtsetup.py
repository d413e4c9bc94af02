"""Application-wide Qt setup: shipped fonts, Qt's own translations, direction and locale.

The fonts ship with prepkit because a bare school computer often has no Arabic, Devanagari or
Han font, and Qt would draw boxes.  Qt's own catalogs (``qtbase_*.qm``) translate the file and
print dialogs; prepkit's catalog translates everything prepkit shows itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from prepkit import i18n, paths
from prepkit.ui import style

_registered: list[str] = []
_qt_translators: list[QTranslator] = []
_system_pt: list[int] = []  # the platform's text size, read before prepkit set a font


def register_fonts(folder: Path | None = None) -> list[str]:
    """Add every shipped font once per process; returns the families Qt now knows."""
    if not _registered:
        for ttf in sorted((folder or paths.fonts_dir()).glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(ttf))
            if font_id >= 0:
                _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)


def system_point_size() -> int:
    """The platform's default text size (its accessibility settings included), as Qt had it
    before ``apply_font`` first replaced the application font."""
    if not _system_pt:
        _system_pt.append(QApplication.font().pointSize())
    return _system_pt[0]


def apply_font(app: QApplication, look: style.Look) -> None:
    system_point_size()  # read once, before the first change
    font = QFont()
    font.setFamilies(style.FONT_FAMILIES)  # per-script fallback, in this order
    font.setPointSize(look.base_pt)
    app.setFont(font)


def qt_translation_name(code: str) -> str:
    """The qtbase catalog that fits a language, by its Qt locale (fa_AF uses Persian's)."""
    return i18n.language(code).qt_locale


def load_qt_translations(app: QApplication, code: str) -> bool:
    """Swap Qt's own catalog for ``code``'s; False when Qt ships none for it."""
    for old in _qt_translators:
        app.removeTranslator(old)
    _qt_translators.clear()
    if code == i18n.PSEUDO:
        return False
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    # QTranslator.load(locale, ...) tries qtbase_fa_AF, qtbase_fa ... in turn.
    if translator.load(QLocale(qt_translation_name(code)), "qtbase", "_", folder):
        app.installTranslator(translator)
        _qt_translators.append(translator)
        return True
    return False


def apply_language(app: QApplication, code: str) -> None:
    """Direction, default locale and Qt's catalogs for the interface language."""
    lang = i18n.language(code)
    QLocale.setDefault(QLocale(lang.qt_locale))
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if lang.is_rtl else Qt.LayoutDirection.LeftToRight
    )
    load_qt_translations(app, code)


def apply_look(app: QApplication, look: style.Look) -> None:
    apply_font(app, look)
    app.setStyleSheet(style.stylesheet(look))


def align_labels(root: QWidget) -> None:
    """Put every label's text on the reading side.

    Qt aligns a plain-text label by the direction of its own text, so an English fallback (a
    message not yet translated) would sit on the left of an Arabic page; the page's direction
    is what the reader follows.
    """
    rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute) if rtl \
        else Qt.AlignmentFlag.AlignLeft
    for label in root.findChildren(QLabel):
        current = label.alignment()
        if current & Qt.AlignmentFlag.AlignHCenter:
            continue
        wanted = side | (current & Qt.AlignmentFlag.AlignVertical_Mask)
        if wanted != current:  # only real changes: fewer calls into Qt on every switch
            label.setAlignment(wanted)
