"""A real store file per test and windows built on it; helpers that act like a user."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from prepkit.store import Store
from prepkit.ui import qtsetup, style
from prepkit.ui.pages.base import Page
from prepkit.ui.uistate import UiStateStore
from prepkit.ui.widgets import fields
from prepkit.ui.widgets.form import Form
from prepkit.ui.widgets.rowlist import RowList
from prepkit.ui.window import MainWindow

PASSPHRASE = "blue river 42 lanterns"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "plan.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    yield opened
    opened.close()


@pytest.fixture
def make_window(store: Store, qtbot, db_path: Path) -> Iterator[Callable[..., MainWindow]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    qtsetup.register_fonts()
    qtsetup.apply_look(app, style.Look())
    made: list[MainWindow] = []

    def make(*, kiosk: bool = False, on: Store | None = None) -> MainWindow:
        window = MainWindow(on or store, kiosk=kiosk,
                            state_file=UiStateStore.for_store(on or store, kiosk=kiosk))
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()  # focus moves (and editingFinished fires) only when active
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        made.append(window)
        return window

    yield make
    for window in made:  # save before the store closes
        if window.isVisible():
            window.close()


def field(page: Page, path: str) -> fields.Field:
    for form in page.forms:
        try:
            return form.field(path)
        except KeyError:
            continue
    raise KeyError(path)


def type_text(qtbot, page: Page, path: str, text: str) -> None:
    """Type like a user: real key presses for ASCII, an edit signal for other scripts."""
    type_into(qtbot, field(page, path), text)


def add_row(qtbot, rows: RowList) -> Form:
    """Press a row list's Add button; returns the new row's form."""
    qtbot.mouseClick(rows.add_button, Qt.MouseButton.LeftButton)
    return rows.forms[-1]


def row_field(rows: RowList, index: int, path: str) -> fields.Field:
    return rows.forms[index].field(path)


def type_into(qtbot, the_field: fields.Field, text: str) -> None:
    widget = the_field.input
    widget.setFocus()
    if text.isascii():
        if hasattr(widget, "selectAll"):
            widget.selectAll()
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "textEdited"):
        widget.setText(text)
        widget.textEdited.emit(text)
    else:
        widget.setPlainText(text)


def set_date(page: Page, path: str, value: QDate | date) -> None:
    """What choosing a day in the field's calendar does."""
    if isinstance(value, QDate):
        value = date(value.year(), value.month(), value.day())
    field(page, path).date_edit.pick(value)  # type: ignore[attr-defined]


def choose(page: Page, path: str, data: object) -> None:
    combo = field(page, path).input
    index = combo.findData(data)  # type: ignore[attr-defined]
    assert index >= 0, (path, data)
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]
    combo.activated.emit(index)  # type: ignore[attr-defined]


def click_radio(qtbot, page: Page, path: str, value: object) -> None:
    radio = field(page, path)
    for button, option in zip(radio.buttons, radio.options, strict=True):  # type: ignore[attr-defined]
        if option[0] == value:
            button.click()
            return
    raise KeyError(value)


def visible_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisibleTo(root)]


def answer_box(qtbot, button_text: str) -> None:
    """Press a button of the next modal box (the remove confirmation) by its text."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None
        for button in box.buttons():  # type: ignore[attr-defined]
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r}")

    QTimer.singleShot(30, press)


def new_plan(window: MainWindow) -> None:
    window.start_new_plan(PASSPHRASE)
