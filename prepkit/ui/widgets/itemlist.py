"""An ordered list of plan items (parents, children, contacts, caregivers) to add, remove, reorder.

The plan's list is the model: the widget shows it, and every add, remove, drag or up/down is done
on the plan list first and then shown again, so the order on screen is always the order saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepkit.i18n import N_, _
from prepkit.plan import move
from prepkit.ui.texts import Texts, mark_user_text


def confirm_remove(parent: QWidget, confirm_text: str, name: str) -> bool:
    """Ask before deleting what was typed; "Keep" is the default and what Escape does."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Remove from the plan?"))
    box.setText(_(confirm_text).format(name=name))
    remove = box.addButton(_("Remove"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Keep"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is remove


class ItemList(QWidget):
    """``selected`` fires with the index of the item to edit, or -1 when there is none."""

    selected = Signal(int)

    def __init__(
        self,
        items: Callable[[], list[Any]],
        factory: Callable[[], Any],
        title: Callable[[Any, int], str],
        changed: Callable[[], None],
        *,
        label: str,  # msgid: the list's visible label and accessible name
        add_text: str,
        remove_text: str,
        confirm_text: str,
        remove: Callable[[Any], None] | None = None,
    ) -> None:
        super().__init__()
        self.items = items
        self.factory = factory
        self.title = title
        self.changed = changed
        self.remove_item = remove
        self.confirm_text = confirm_text
        self.texts = Texts()

        self.label = QLabel()
        self.label.setWordWrap(True)
        self.view = mark_user_text(QListWidget())  # the names are the family's words
        self.label.setBuddy(self.view)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setMaximumHeight(160)
        self.view.model().rowsMoved.connect(self._dropped)
        self.view.currentRowChanged.connect(self.selected.emit)
        self.view.currentRowChanged.connect(lambda _row: self._enable())

        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it
        self.add_button.setProperty("role", "primary")
        self.texts.label(self.add_button, add_text)
        self.texts.label(self.remove_button, remove_text)
        self.texts.label(self.up_button, N_("Move up"))
        self.texts.label(self.down_button, N_("Move down"))
        self.texts.bind(self.label.setText, label)
        self.texts.bind(self.view.setAccessibleName, label)
        self.texts.bind(self.view.setToolTip, N_("Drag a name to change the order"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.label)
        column.addWidget(self.view)
        column.addLayout(buttons)

    # --- showing -------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Show the plan's list again, keeping (or moving to) a selection."""
        row = self.view.currentRow() if select is None else select
        items = self.items()
        self.view.blockSignals(True)
        self.view.clear()
        for index, item in enumerate(items):
            entry = QListWidgetItem(self.title(item, index))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.view.addItem(entry)
        self.view.blockSignals(False)
        row = min(max(row, 0), len(items) - 1) if items else -1
        self.view.setCurrentRow(row)
        self._enable()
        self.selected.emit(row)

    def update_titles(self) -> None:
        """Names change as they are typed; only the texts, so focus stays in the field."""
        for index, item in enumerate(self.items()):
            entry = self.view.item(index)
            if entry is not None:
                entry.setText(self.title(item, index))

    def _enable(self) -> None:
        has = self.view.currentRow() >= 0
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and self.view.currentRow() > 0)
        self.down_button.setEnabled(has and self.view.currentRow() < self.view.count() - 1)

    def current_index(self) -> int:
        return self.view.currentRow()

    # --- changing ------------------------------------------------------------------------

    def add(self) -> None:
        self.items().append(self.factory())
        self.changed()
        self.refresh(select=len(self.items()) - 1)

    def remove_current(self) -> None:
        row = self.view.currentRow()
        items = self.items()
        if not 0 <= row < len(items) or not self.confirm(self.title(items[row], row)):
            return
        item = items[row]
        if self.remove_item is not None:
            self.remove_item(item)  # also drops references elsewhere in the plan
        else:
            items.pop(row)
        self.changed()
        self.refresh(select=min(row, len(self.items()) - 1))

    def confirm(self, name: str) -> bool:
        return confirm_remove(self, self.confirm_text, name)

    def move_current(self, offset: int) -> None:
        row = self.view.currentRow()
        new_row = move(self.items(), row, offset)
        if new_row != row:
            self.changed()
        self.refresh(select=new_row)
        self.view.setFocus()

    def _dropped(self, *_args: object) -> None:
        order = [self.view.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.view.count())]
        items = self.items()
        by_id = {item.id: item for item in items}
        items[:] = [by_id[item_id] for item_id in order if item_id in by_id]
        self.changed()
        self.update_titles()
        self._enable()

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.update_titles()
