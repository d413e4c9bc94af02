""""Quick exit" inside every dialog a family can meet at the kiosk, and every dialog whole on
the screen.

A modal dialog blocks every other window: while the passphrase dialog, a remove confirmation,
the print dialog or the countdown is open, the kiosk's own "Quick exit" cannot be pressed.  So
the kiosk watches for dialogs being shown (an application-wide event filter, like the idle
watch) and puts the same button into each one, whoever built it: prepkit's dialogs, Qt's
message boxes, Qt's print dialog.  Staff-only dialogs opt out with ``exempt``.

While it is at it, the watch makes each dialog tall enough for its wrapped sentences: Qt sizes
a new window to at most two thirds of the screen's height, and on a 768-pixel laptop screen the
passphrase dialog's sentences were squeezed into each other.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QWidget,
)

from prepkit.i18n import N_, _

NAME = "quick_exit"
TEXT = N_("Quick exit")
TIP = N_("Close this plan now and clear the screen")
_DONE = "prepkit_quick_exit_added"
_EXEMPT = "prepkit_no_quick_exit"


def exempt(dialog: QDialog) -> None:
    """Staff dialogs: no family is at the screen, and "Back" is the way out."""
    dialog.setProperty(_EXEMPT, True)


def style_button(button: QPushButton) -> None:
    """Red, bold, hard to miss: the same look in the kiosk's bar and in every dialog."""
    button.setObjectName(NAME)
    button.setProperty("role", "danger")
    button.setStyleSheet("QPushButton { background: #b00020; color: white; "
                         "font-weight: bold; padding: 8px 20px; }")
    button.setMinimumHeight(44)
    button.setAutoDefault(False)  # Enter in a passphrase field must never end the session
    button.setDefault(False)


def retranslate(button: QPushButton) -> None:
    button.setText(_(TEXT))
    button.setAccessibleName(_(TEXT))
    button.setToolTip(_(TIP))


def add_to(dialog: QDialog, on_click: Callable[[], None]) -> QPushButton:
    """Put a Quick exit button in ``dialog``: at the top, on the reading side's far end (where
    the kiosk bar has it), or among a message box's buttons."""
    button = QPushButton(dialog)  # owned by the dialog from the start (Qt, not Python)
    style_button(button)
    retranslate(button)
    button.clicked.connect(lambda _checked=False: on_click())
    dialog.setProperty(_DONE, True)
    layout = dialog.layout()
    if isinstance(dialog, QMessageBox):
        dialog.addButton(button, QMessageBox.ButtonRole.ResetRole)
        return button
    row = QWidget(dialog)
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addStretch(1)
    line.addWidget(button)
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, row)
    elif isinstance(layout, QFormLayout):
        layout.insertRow(0, row)
    elif isinstance(layout, QGridLayout):
        layout.addWidget(row, layout.rowCount(), 0, 1, max(1, layout.columnCount()))
    else:  # no layout we know: pinned to the top corner
        row.adjustSize()
        row.move(max(0, dialog.width() - row.width() - 8), 8)
    row.show()
    return button


def fit(dialog: QDialog) -> None:
    """Tall enough for every wrapped line (wider if the screen is too short for that)."""
    layout = dialog.layout()
    screen = dialog.screen()
    if layout is None or screen is None or not layout.hasHeightForWidth() \
            or isinstance(dialog, QMessageBox):
        return
    room = screen.availableGeometry().adjusted(20, 20, -20, -20)
    width = dialog.width()
    need = layout.totalHeightForWidth(width)
    while need > room.height() and width < room.width():
        width = min(room.width(), width + 80)
        need = layout.totalHeightForWidth(width)
    if need > dialog.height() or width > dialog.width():
        dialog.resize(width, min(max(need, dialog.height()), room.height()))


class QuickExitInjector(QObject):
    """Adds the button to each dialog as it is about to show (before its size is settled), and
    fits the dialog to its sentences once Qt has sized it."""

    def __init__(self, on_click: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_click = on_click
        self.buttons: list[weakref.ReferenceType[QPushButton]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Polish, QEvent.Type.Show) and isinstance(watched, QDialog) \
                and watched.isWindow() and not watched.property(_DONE) \
                and not watched.property(_EXEMPT) \
                and (kind == QEvent.Type.Show or watched.layout() is not None):
            self.buttons.append(weakref.ref(add_to(watched, self.on_click)))
        if kind == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow():
            fit(watched)
        return False

    def retranslate(self) -> None:
        alive = [ref for ref in self.buttons
                 if (b := ref()) is not None and shiboken6.isValid(b)]
        self.buttons = alive
        for ref in alive:
            button = ref()
            if button is not None:
                retranslate(button)


def find(widget: QWidget) -> QPushButton | None:
    """The Quick exit button inside ``widget`` (tests, screenshots)."""
    found = widget.findChildren(QPushButton, NAME, Qt.FindChildOption.FindChildrenRecursively)
    return found[0] if found else None
