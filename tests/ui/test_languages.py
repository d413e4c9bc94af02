"""Every visible text comes through the catalog; Arabic is laid out right to left."""

from __future__ import annotations

import copy

import pytest
from babel.messages.catalog import Catalog
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from prepkit import catalogs, i18n
from prepkit.i18n import PseudoTranslations
from prepkit.ui.dialogs import NewPassphraseDialog, OpenPlanDialog
from prepkit.ui.pages.review import MIXED_TEXT
from prepkit.ui.texts import USER_TEXT
from tests.ui.conftest import field, new_plan, type_text, visible_widgets


def _user_text(widget: QWidget, root: QWidget) -> bool:
    while widget is not None and widget is not root.parentWidget():
        if widget.property(USER_TEXT):
            return True
        widget = widget.parentWidget()
    return False


@pytest.fixture(scope="module")
def marked() -> Catalog:
    return catalogs.extract()  # from the code as it is now, not from a possibly stale .pot


@pytest.fixture(autouse=True)
def only_marked_strings_are_accented(monkeypatch, marked) -> None:
    """The pseudo-language accents only what extraction finds.  Otherwise any string that
    reaches ``_`` at run time would pass, even one never marked with ``_``/``N_`` in the code:
    the translators would never see it, and the screen would stay English."""
    gettext, ngettext = PseudoTranslations.gettext, PseudoTranslations.ngettext

    def marked_gettext(self, message: str) -> str:
        return gettext(self, message) if message in marked else message

    def marked_ngettext(self, singular: str, plural: str, n: int) -> str:
        if (singular, plural) in marked:
            return ngettext(self, singular, plural, n)
        return singular if n == 1 else plural

    monkeypatch.setattr(PseudoTranslations, "gettext", marked_gettext)
    monkeypatch.setattr(PseudoTranslations, "ngettext", marked_ngettext)


# Qt's own parts carry Qt's own words (from Qt's catalogs, which the pseudo-language has not).
QT_PARTS = ("ScrollLeftButton", "ScrollRightButton")


def _own_text(widget: QWidget) -> str:
    """What a widget shows of itself: the value, for a widget that holds the family's words."""
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return ""


def untranslated(root: QWidget) -> list[str]:
    """Visible texts without the pseudo-language's ⟦ ⟧ marks, named by widget class.

    A widget that holds the family's words (or a language's own name) is exempt for that value
    only: its placeholder, tooltip and accessible name are still the app's words, unless the
    accessible name simply repeats the value shown.
    """
    bad: list[str] = []
    widgets = [root, *visible_widgets(root)]
    for widget in widgets:
        if widget.objectName().startswith("qt_") or widget.objectName() in QT_PARTS:
            continue
        user = _user_text(widget, root)
        texts = [widget.toolTip()]
        if not (user and widget.accessibleName() == _own_text(widget)):
            texts.append(widget.accessibleName())
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLineEdit | QPlainTextEdit | QComboBox):
            texts.append(widget.placeholderText())
        if not user:
            if isinstance(widget, QLabel | QAbstractButton):
                texts.append(widget.text())
            if isinstance(widget, QComboBox):
                texts += [widget.itemText(i) for i in range(widget.count())]
            if isinstance(widget, QListWidget):
                texts += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).toolTip() for i in range(widget.count())]
        for text in texts:
            if text.strip() and "⟦" not in text:
                if widget.property(MIXED_TEXT):
                    continue  # headings are checked below, the family's words are exempt
                bad.append(f"{type(widget).__name__} {widget.objectName()}: {text!r}")
        if widget.property(MIXED_TEXT) and "⟦" not in widget.text():
            bad.append(f"{type(widget).__name__}: {widget.text()[:60]!r}")
    return bad


def fill_a_little(qtbot, window) -> None:
    """One of everything, so every per-person and per-child form is on screen."""
    for key in ("parents", "children", "contacts", "caregivers"):
        window.go(key)
        page = window.page(key)
        qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, window.page("parents"), "name", "Rosa")


def walk(window) -> None:
    """Every step, as ``go`` shows it; no text may have skipped the catalog."""
    for key in window.step_keys():
        window.go(key)
        window.current_page().scroll_area.widget().adjustSize()
        assert untranslated(window) == [], key


def test_pseudo_language_walk(qtbot, make_window, store):
    window = make_window()
    i18n.set_interface_language(i18n.PSEUDO)
    assert untranslated(window) == []
    new_plan(window)
    walk(window)  # no one in the plan yet: the "add a child first" notes, the empty lists
    fill_a_little(qtbot, window)
    walk(window)
    # Fields with a message showing, and the documents page after making a preview.
    window.go("parents")
    phone = field(window.page("parents"), "phones.0")
    type_text(qtbot, window.page("parents"), "phones.0", "12")
    phone.validate(phone.current())
    assert phone.message.isVisible()
    assert untranslated(window) == []
    printing = window.page("print")
    window.go("print")
    printing.make_documents()
    printing.wait()
    qtbot.waitUntil(lambda: printing.result is not None)
    assert untranslated(window) == []
    # The dialogs and the remove confirmation.
    new_dialog = NewPassphraseDialog(window)
    qtbot.addWidget(new_dialog)
    new_dialog.show()
    new_dialog.ok.click()  # too short: the message is in the dialog
    assert new_dialog.error.isVisible()
    assert untranslated(new_dialog) == []
    open_dialog = OpenPlanDialog(store.list_households(), store.unlock, window)
    qtbot.addWidget(open_dialog)
    open_dialog.show()
    qtbot.keyClicks(open_dialog.passphrase, "wrong passphrase")
    open_dialog.ok.click()
    assert open_dialog.error.isVisible()
    assert untranslated(open_dialog) == []
    seen: list[list[str]] = []

    def look_and_keep() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QDialog)
        seen.append(untranslated(box))
        box.reject()

    window.go("contacts")
    QTimer.singleShot(30, look_and_keep)
    window.page("contacts").items.remove_button.click()
    assert seen == [[]]
    assert len(window.plan.contacts) == 1


def test_live_switch_leaves_no_text_behind(qtbot, make_window):
    """Filled in Spanish, then switched: every page as it stands (not loaded again) must be
    in the new language, so a text set once and never retranslated is caught."""
    window = make_window()
    i18n.set_interface_language("es")
    new_plan(window)
    fill_a_little(qtbot, window)
    for key in window.step_keys():
        window.go(key)
    window.go("parents")
    phone = field(window.page("parents"), "phones.0")
    type_text(qtbot, window.page("parents"), "phones.0", "12")
    phone.validate(phone.current())
    window.go("print")
    printing = window.page("print")
    printing.make_documents()
    printing.wait()
    qtbot.waitUntil(lambda: printing.result is not None)
    assert printing.status.text() == "Listo. 3 páginas."
    i18n.set_interface_language(i18n.PSEUDO)
    assert untranslated(window) == []  # the documents page, where the switch happened
    for page in window.pages:
        window.stack.setCurrentWidget(page)  # shown as it is, not loaded again
        page.scroll_area.widget().adjustSize()
        assert untranslated(window) == [], page.key
    window.show_start()
    assert untranslated(window) == []


def text_starts_right(label: QLabel) -> bool:
    """Where the label's ink is: in a right-to-left layout it hugs the right edge."""
    image = label.grab().toImage()
    background = QColor(image.pixel(0, 0))
    columns = [x for x in range(image.width()) for y in range(0, image.height(), 2)
               if QColor(image.pixel(x, y)) != background]
    assert columns, "nothing drawn"
    return min(columns) > image.width() / 2


def test_arabic_walk_right_to_left_and_data_kept(qtbot, make_window):
    window = make_window()
    new_plan(window)
    fill_a_little(qtbot, window)
    parents = window.page("parents")
    type_text(qtbot, parents, "name", "رشا أحمد")
    type_text(qtbot, parents, "phones.0", "5085550142")
    i18n.set_interface_language("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    for key in window.step_keys():
        window.go(key)
        page = window.current_page()
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft, key
        assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft, key
    # The side panel is on the right of the page, the label on the right of its field.
    assert window.side.mapTo(window, window.side.rect().topLeft()).x() > window.width() / 2
    window.go("parents")
    name = field(parents, "name")
    assert text_starts_right(name.label)
    left_of_window = name.input.mapTo(window, name.input.rect().topLeft()).x()
    assert name.label.mapTo(window, name.label.rect().topRight()).x() >= left_of_window
    before = copy.deepcopy(window.plan)
    i18n.set_interface_language("es")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert not text_starts_right(name.label)
    i18n.set_interface_language("ar")
    assert window.plan == before
    assert name.input.text() == "رشا أحمد"
    assert field(parents, "phones.0").input.text() == "(508) 555-0142"
    assert field(parents, "phones.0").input.layoutDirection() == Qt.LayoutDirection.LeftToRight
    i18n.set_interface_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
