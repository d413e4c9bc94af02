"""Any number of small items inside a form: medicines, legal-help numbers, copies handed out.

Each item is a box with its own little ``Form`` (bound to the item itself), and Move up, Move
down and Remove under it; "Add" sits above the items.  The plan's list is the model: every
change is made on it first and the boxes are built again, so what is on screen is what is saved.

Tab order: boxes built after the page was made would otherwise come last in the window's focus
chain (after Back and Next); ``_order_tabs`` threads them right after the Add button, in the
order they are shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepkit import i18n
from prepkit.i18n import N_, _
from prepkit.plan import move
from prepkit.ui.texts import Texts
from prepkit.ui.widgets.form import Form
from prepkit.ui.widgets.itemlist import confirm_remove

BuildRow = Callable[[Form], None]
MOVE_UP, MOVE_DOWN, REMOVE = N_("Move up"), N_("Move down"), N_("Remove")


def _same(item: Any) -> Any:
    return item


class ListOps:
    """What a row list does to the plan: a plain list attribute by default."""

    def __init__(self, items: Callable[[], list[Any] | None], factory: Callable[[], Any]) -> None:
        self.items = items
        self.factory = factory

    def rows(self) -> list[Any] | None:
        """The items shown, or None when there is nothing to attach them to (no child yet)."""
        return self.items()

    def add(self) -> None:
        items = self.items()
        if items is not None:
            items.append(self.factory())

    def remove(self, index: int) -> None:
        items = self.items()
        if items is not None and 0 <= index < len(items):
            items.pop(index)

    def move(self, index: int, offset: int) -> int:
        items = self.items()
        return move(items, index, offset) if items is not None else index

    def is_blank(self, item: Any) -> bool:
        """Nothing typed into it yet: removing it needs no question."""
        return bool(item == self.factory())


class RowList(QWidget):
    def __init__(
        self,
        ops: ListOps,
        build_row: BuildRow,
        changed: Callable[[], None],
        *,
        add_text: str,
        item_text: str,  # msgid with "{n}": "Medicine {n}"
        confirm_text: str,  # msgid with "{name}"
    ) -> None:
        super().__init__()
        self.ops = ops
        self.build_row = build_row
        self.changed = changed
        self.item_text = item_text
        self.confirm_text = confirm_text
        self.texts = Texts()
        self.forms: list[Form] = []
        self.boxes: list[QFrame] = []
        self._row_texts: list[Texts] = []
        self._parts: list[tuple[QLabel, QPushButton, QPushButton, QPushButton]] = []
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(True)
        self.texts.label(self.add_button, add_text)
        self.add_button.clicked.connect(self.add)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addStretch(1)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 4, 0, 4)
        self.column.addLayout(top)
        self.rows_box = QVBoxLayout()
        self.column.addLayout(self.rows_box)

    # --- showing ---------------------------------------------------------------------------

    def load(self) -> None:
        for box in self.boxes:
            box.hide()
            self.rows_box.removeWidget(box)
            box.setParent(None)  # out of the focus chain at once
            box.deleteLater()
        self.boxes, self.forms, self._row_texts, self._parts = [], [], [], []
        items = self.ops.rows()
        self.add_button.setEnabled(items is not None)
        for index, item in enumerate(items or []):
            self._make_row(index, item, len(items or []))
        self._order_tabs()

    def _make_row(self, index: int, item: Any, count: int) -> None:
        box = QFrame()
        box.setProperty("role", "row")
        column = QVBoxLayout(box)
        column.setContentsMargins(10, 6, 10, 6)
        texts = Texts()
        title = QLabel()
        title.setProperty("role", "subheading")
        column.addWidget(title)
        form = Form(partial(_same, item), self.changed)
        self.build_row(form)
        column.addWidget(form)
        up, down, remove = QPushButton(), QPushButton(), QPushButton()
        for button, msgid in ((up, MOVE_UP), (down, MOVE_DOWN), (remove, REMOVE)):
            button.setAutoDefault(True)
            texts.bind(button.setText, msgid)
        up.setEnabled(index > 0)
        down.setEnabled(index < count - 1)
        up.clicked.connect(lambda _c=False, i=index: self.move_row(i, -1))
        down.clicked.connect(lambda _c=False, i=index: self.move_row(i, +1))
        remove.clicked.connect(lambda _c=False, i=index: self.remove(i))
        buttons = QHBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch(1)
        buttons.addWidget(remove)
        column.addLayout(buttons)
        self._parts.append((title, up, down, remove))
        self.rows_box.addWidget(box)
        box.show()  # now, not on the next turn of the event loop: focus and Tab can reach it
        self.boxes.append(box)
        self.forms.append(form)
        self._row_texts.append(texts)
        self._title_row(index)
        form.load()

    def _title_row(self, index: int) -> None:
        """Row titles carry a number, so they are set here rather than through Texts."""
        form = self.forms[index]
        title, up, down, remove = self._parts[index]
        text = self.row_name(index)
        title.setText(text)
        for button, msgid in ((up, MOVE_UP), (down, MOVE_DOWN), (remove, REMOVE)):
            # Several rows have the same buttons: a screen reader says which row each is in.
            button.setAccessibleName(f"{_(msgid)}: {text}")
        form.setAccessibleName(text)

    def row_name(self, index: int) -> str:
        number = i18n.format_number(index + 1, i18n.interface_language())
        return _(self.item_text).format(n=number)

    def _order_tabs(self) -> None:
        previous: QWidget = self.add_button
        for box in self.boxes:
            window = box.window()
            for widget in box.findChildren(QWidget):
                # Not a date picker's calendar (a popup window of its own), not a proxied part.
                if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None \
                        and widget.window() is window:
                    QWidget.setTabOrder(previous, widget)
                    previous = widget

    def retranslate(self) -> None:
        self.texts.retranslate()
        for index, (texts, form) in enumerate(zip(self._row_texts, self.forms, strict=True)):
            texts.retranslate()
            form.retranslate()
            self._title_row(index)

    # --- changing --------------------------------------------------------------------------

    def add(self) -> None:
        self.ops.add()
        self.changed()
        self.load()
        if self.forms and self.forms[-1].fields:
            self.forms[-1].fields[0].input.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove(self, index: int) -> None:
        items = self.ops.rows() or []
        if not 0 <= index < len(items):
            return
        if not self.ops.is_blank(items[index]) and \
                not confirm_remove(self, self.confirm_text, self.row_name(index)):
            return
        self.ops.remove(index)
        self.changed()
        self.load()
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_row(self, index: int, offset: int) -> None:
        new_index = self.ops.move(index, offset)
        if new_index == index:
            return
        self.changed()
        self.load()
        _title, up, down, _remove = self._parts[new_index]
        (up if up.isEnabled() and offset < 0 else down if down.isEnabled() else up).setFocus()
