"""Shared by the kiosk and counselor tests: a kiosk on a fake clock, a family that types."""

from __future__ import annotations

import gc
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from prepkit.plan import Plan
from prepkit.ui.kiosk.shell import KioskWindow
from tests.ui.conftest import PASSPHRASE, type_text

STAFF = "staff of the lincoln school 7"
PARENT = "Zoraida Quintanilla"
CHILD = "Maximiliano"
FAMILY_WORDS = ("Zoraida", "Quintanilla", "Maximiliano")


def all_texts() -> Iterator[str]:
    """Every text a person could see in any widget of the app, and every window title."""
    for top in QApplication.topLevelWidgets():
        for widget in [top, *top.findChildren(QWidget)]:
            yield widget.windowTitle()
            yield widget.toolTip()
            yield widget.accessibleName()
            if isinstance(widget, QLineEdit | QLabel | QAbstractButton):
                yield widget.text()
            elif isinstance(widget, QTextEdit | QPlainTextEdit):
                yield widget.toPlainText()
            elif isinstance(widget, QComboBox):
                yield widget.currentText()
                yield from (widget.itemText(i) for i in range(widget.count()))
            elif isinstance(widget, QListWidget):
                for i in range(widget.count()):
                    item = widget.item(i)
                    if item is not None:
                        yield item.text()
            elif isinstance(widget, QTableWidget):
                for r in range(widget.rowCount()):
                    for c in range(widget.columnCount()):
                        cell = widget.item(r, c)
                        if cell is not None:
                            yield cell.text()


def family_text_on_screen() -> list[str]:
    return [t for t in all_texts() if any(word in t for word in FAMILY_WORDS)]


def plans_holding_family() -> list[Plan]:
    gc.collect()
    return [o for o in gc.get_objects()
            if isinstance(o, Plan) and (any(PARENT in p.name for p in o.parents)
                                        or any(CHILD in c.legal_name for c in o.children))]


def start_family(qtbot, kiosk: KioskWindow, language: str = "en") -> None:
    """A family picks a language, chooses a passphrase, and types a parent and a child."""
    wizard = kiosk.wizard
    assert wizard is not None
    wizard.start.language_buttons[language].click()
    wizard.start_new_plan(PASSPHRASE)
    wizard.go("parents")
    page = wizard.page("parents")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, page, "name", PARENT)
    wizard.go("children")
    page = wizard.page("children")
    qtbot.mouseClick(page.items.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, page, "legal_name", CHILD + " Quintanilla")
    wizard.saver.flush()
    assert family_text_on_screen()  # the test would prove nothing otherwise


def settle(qtbot) -> None:
    """Let deleteLater and the queued gc run."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, 0)
        qtbot.wait(5)
    gc.collect()
