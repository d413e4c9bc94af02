"""The counselor's list of families as a Qt model: rows are made only when they are drawn.

The desk lists every consenting family, thousands at a school.  A QTableWidget made four item
objects a family before the list could appear (a third of a second for 8,000 families); this
model answers for the rows on screen only, so the list appears as soon as the names are read.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView

from prepkit import i18n
from prepkit.i18n import N_, _
from prepkit.ui.counselor_families import Family

HEADERS = (N_("Parents"), N_("Children"), N_("Language"), N_("Last changed"))
PARENTS, CHILDREN, LANGUAGE, CHANGED = range(len(HEADERS))

Index = QModelIndex | QPersistentModelIndex


class FamiliesModel(QAbstractTableModel):
    def __init__(self, families: list[Family], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.families = families
        self.ticked: set[str] = set()  # household ids; kept across a new list of families
        self._days: dict[date, str] = {}  # a few hundred days for thousands of rows

    def set_families(self, families: list[Family]) -> None:
        self.beginResetModel()
        self.families = families
        self.ticked &= {f.household_id for f in families}
        self.endResetModel()

    def retranslate(self) -> None:
        """Headers and dates follow the interface language (names and languages do not)."""
        self._days.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.families:
            self.dataChanged.emit(self.index(0, CHANGED),
                                  self.index(len(self.families) - 1, CHANGED))

    # --- ticks -------------------------------------------------------------------------------

    def is_ticked(self, row: int) -> bool:
        return self.families[row].household_id in self.ticked

    def set_ticked(self, rows: list[int], on: bool) -> None:
        for row in rows:
            household_id = self.families[row].household_id
            if on:
                self.ticked.add(household_id)
            else:
                self.ticked.discard(household_id)
        if rows:
            self.dataChanged.emit(self.index(min(rows), PARENTS),
                                  self.index(max(rows), PARENTS),
                                  [Qt.ItemDataRole.CheckStateRole])

    # --- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.families)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PARENTS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        family = self.families[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(family, index.column())
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == PARENTS:
            return (Qt.CheckState.Checked if family.household_id in self.ticked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.UserRole:
            return family.household_id
        return None

    def setData(self, index: Index, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != PARENTS:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_ticked([index.row()], on)
        return True

    def text(self, family: Family, column: int) -> str:
        if column == PARENTS:
            return family.parents
        if column == CHILDREN:
            return family.children
        if column == LANGUAGE:
            try:
                return i18n.language(family.language).native_name
            except i18n.UnknownLanguage:
                return family.language
        day = family.updated.date()
        if day not in self._days:
            self._days[day] = i18n.format_date(day, i18n.interface_language(), "medium")
        return self._days[day]


class FamiliesView(QTableView):
    """The list, for keyboard users too: Space ticks the family whatever cell the cursor is
    in (the whole row looks selected), Enter opens it."""

    activated_row = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        model = self.model()
        if index.isValid() and isinstance(model, FamiliesModel):
            if event.key() == Qt.Key.Key_Space:
                model.set_ticked([index.row()], not model.is_ticked(index.row()))
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activated_row.emit(index.row())
                return
        super().keyPressEvent(event)
