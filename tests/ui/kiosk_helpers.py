"""Shared by the kiosk and counselor tests: a kiosk on a fake clock, a family that types."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
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
            elif isinstance(widget, QTableView) and widget.model() is not None:
                # Any table, item-based or on a model (the counselor's list): what it shows.
                model = widget.model()
                for r in range(model.rowCount()):
                    for c in range(model.columnCount()):
                        value = model.index(r, c).data()
                        if value:
                            yield str(value)


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


def click(widget: QWidget) -> None:
    """Click like a person: at the widget's place in its window, through the window system, so
    a modal dialog blocks the click exactly as it blocks a finger (QTest's widget overload
    delivers straight to the widget, modal or not)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:  # a person scrolls down to a button below the fold first
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    top = widget.window()
    handle = top.windowHandle()
    assert handle is not None and widget.isVisible(), widget
    where = widget.mapTo(top, widget.rect().center())
    hit = top.childAt(where)
    assert hit is widget or (hit is not None and widget.isAncestorOf(hit)), (widget, hit)
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def make_kiosk_factory(store, qtbot, clock, usb):
    """What the ``make_kiosk`` fixtures build: kiosks on a fake clock, closed at the end."""
    from prepkit.ui import qtsetup, style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    qtsetup.register_fonts()
    qtsetup.apply_look(app, style.Look())
    if not store.has_staff_key():
        store.set_staff_passphrase(STAFF)
    made: list[KioskWindow] = []

    def make() -> KioskWindow:
        kiosk = KioskWindow(store, clock=clock, volumes=lambda: list(usb), home_language="en")
        kiosk.timer.stop()  # the tests tick by hand, on the fake clock
        # Not qtbot.addWidget: its close at teardown would be refused (staff passphrase).
        kiosk.resize(1200, 800)
        kiosk.show()
        made.append(kiosk)
        return kiosk

    def close_all() -> None:
        for kiosk in made:
            kiosk.allow_close = True
            kiosk.close()
            kiosk.deleteLater()
        settle(qtbot)

    return make, close_all


def modal() -> QWidget:
    """The dialog a person is facing now."""
    widget = QApplication.activeModalWidget()
    assert widget is not None, "no dialog open"
    return widget


# --- fixtures (imported by the kiosk test modules) -------------------------------------------

@pytest.fixture
def clock():
    from prepkit.ui.kiosk.clock import FakeClock

    return FakeClock()


@pytest.fixture
def usb() -> list[Path]:
    return []


@pytest.fixture
def make_kiosk(store, qtbot, clock, usb):
    make, close_all = make_kiosk_factory(store, qtbot, clock, usb)
    yield make
    close_all()
