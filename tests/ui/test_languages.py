"""Every visible text comes through the catalog; Arabic is laid out right to left."""

from __future__ import annotations

import copy

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

from prepkit import i18n
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


def untranslated(root: QWidget) -> list[str]:
    """Visible texts without the pseudo-language's ⟦ ⟧ marks, named by widget class."""
    bad: list[str] = []
    widgets = [root, *visible_widgets(root)]
    for widget in widgets:
        if _user_text(widget, root):
            continue
        texts = [widget.toolTip(), widget.accessibleName()]
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
            texts += [widget.item(i).toolTip() for i in range(widget.count())]
        for text in texts:
            if text.strip() and "⟦" not in text:
                if widget.property(MIXED_TEXT):
                    continue  # headings are checked below, the family's words are exempt
                bad.append(f"{type(widget).__name__}: {text!r}")
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


def test_pseudo_language_walk(qtbot, make_window, store):
    window = make_window()
    i18n.set_interface_language(i18n.PSEUDO)
    assert untranslated(window) == []
    new_plan(window)
    fill_a_little(qtbot, window)
    for key in window.step_keys():
        window.go(key)
        page = window.current_page()
        page.scroll_area.widget().adjustSize()
        assert untranslated(window) == [], key
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
