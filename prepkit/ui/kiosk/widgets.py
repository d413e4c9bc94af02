"""Small pieces the kiosk's own dialogs share: following the interface language while open,
and choices whose long sentences wrap instead of widening the dialog past the screen."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Protocol

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from prepkit import i18n
from prepkit.ui import qtsetup
from prepkit.ui.texts import Texts


class Retranslatable(Protocol):
    def retranslate(self) -> None: ...


def follow_language(widget: QWidget) -> Callable[[], None]:
    """Call ``widget.retranslate()`` on every language switch while the widget lives; returns
    the function that stops it (also called when Qt destroys the widget)."""
    ref = weakref.ref(widget)

    def listener(_code: str) -> None:
        alive = ref()
        if alive is None or not shiboken6.isValid(alive):
            stop()
            return
        alive.retranslate()  # type: ignore[attr-defined]

    stop = i18n.on_interface_language_changed(listener)
    widget.destroyed.connect(lambda *_args: stop())
    return stop


class KioskDialog(QDialog):
    """A dialog of the kiosk: its texts come from the catalog and follow a language switch."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.texts = Texts()
        self._live: list[Callable[[], None]] = []
        if title:
            self.texts.bind(self.setWindowTitle, title)
        self.column = QVBoxLayout(self)
        self.stop_following = follow_language(self)

    def live(self, render: Callable[[], None]) -> None:
        """A text made of a message and values (a number, a date): rendered now and again on
        every switch."""
        self._live.append(render)
        render()

    def retranslate(self) -> None:
        self.texts.retranslate()
        for render in self._live:
            render()
        qtsetup.align_labels(self)


class _ClickLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class WrappedChoice(QWidget):
    """A radio button or check box with its words in a wrapping label beside it (Qt's own
    button text never wraps: a Somali sentence made the dialog 1062 px wide).  Clicking the
    words works like clicking the button; screen readers get the words as the button's name."""

    def __init__(self, button: QAbstractButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = button
        self.label = _ClickLabel()
        self.label.setWordWrap(True)
        self.label.setBuddy(button)
        self.label.clicked.connect(self._clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)

    def _clicked(self) -> None:
        if self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self.button.setAccessibleName(text)

    def text(self) -> str:
        return self.label.text()
