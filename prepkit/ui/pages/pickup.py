"""F. Who the school may release each child to, in order, and when the cards were updated."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepkit import validate
from prepkit.i18n import N_
from prepkit.plan import PickupAuthorization, Plan
from prepkit.ui.pages.people import person_name
from prepkit.ui.pages.perchild import PerChildPage
from prepkit.ui.saver import Saver
from prepkit.ui.texts import mark_user_text


class PickupPage(PerChildPage):
    key = "pickup"
    title_text = N_("School pick-up")
    intro_text = N_("Tick the adults the school may let this child go home with, and put them "
                    "in order. The school gets a letter with these names. The family code word "
                    "is never on the school letter.")

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        self.people_box = QWidget()
        column = QVBoxLayout(self.people_box)
        column.setContentsMargins(0, 0, 0, 0)
        self.people_label = QLabel()
        self.people_label.setWordWrap(True)
        self.texts.bind(self.people_label.setText, N_("Adults who may pick up this child"))
        self.people = mark_user_text(QListWidget())  # the names are the family's words
        self.people_label.setBuddy(self.people)
        self.people.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.people.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.people.itemChanged.connect(lambda _item: self._write())
        self.people.model().rowsMoved.connect(lambda *_a: self._write())
        self.texts.bind(self.people.setAccessibleName, N_("Adults who may pick up this child"))
        self.up = QPushButton()
        self.down = QPushButton()
        for button, text, offset in ((self.up, N_("Move up"), -1),
                                     (self.down, N_("Move down"), 1)):
            button.setAutoDefault(True)
            self.texts.label(button, text)
            button.clicked.connect(lambda _c=False, o=offset: self._move(o))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.up)
        row.addWidget(self.down)
        column.addWidget(self.people_label)
        column.addWidget(self.people)
        column.addLayout(row)
        self.body.addWidget(self.people_box)
        cards = self.form(self._pickup)
        cards.heading(N_("Emergency cards"))
        cards.note(N_("When did you last give each place an updated emergency card?"))
        cards.date("school_card_updated", N_("School emergency card"))
        cards.date("prek_card_updated", N_("Pre-K emergency card"))
        cards.date("after_school_card_updated", N_("After-school emergency card"))
        cards.date("camp_card_updated", N_("Camp emergency card"))
        self.body.addStretch(1)

    def _pickup(self) -> PickupAuthorization | None:
        child = self.child()
        return child.pickup if child else None

    def load_child(self) -> None:
        super().load_child()
        child = self.child()
        self.people_box.setVisible(child is not None)
        self.people.blockSignals(True)
        self.people.clear()
        if child is not None:
            authorized = [pid for pid in child.pickup.authorized if self.plan.person(pid)]
            others = [w.id for w in self.plan.people() if w.id not in authorized]
            for pid in [*authorized, *others]:
                item = QListWidgetItem(person_name(self.plan, pid))
                item.setData(Qt.ItemDataRole.UserRole, pid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if pid in authorized
                                   else Qt.CheckState.Unchecked)
                self.people.addItem(item)
        self.people.blockSignals(False)

    def _write(self) -> None:
        child = self.child()
        if child is None:
            return
        rows = [self.people.item(i) for i in range(self.people.count())]
        child.pickup.authorized = [
            r.data(Qt.ItemDataRole.UserRole) for r in rows
            if r.checkState() == Qt.CheckState.Checked
        ]
        self.changed()

    def _move(self, offset: int) -> None:
        row = self.people.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.people.count():
            return
        item = self.people.takeItem(row)
        self.people.insertItem(target, item)
        self.people.setCurrentRow(target)
        self._write()

    def set_authorized(self, person_ids: list[str]) -> None:
        """Tick exactly these people, in this order (what a user does by ticking and moving)."""
        child = self.child()
        if child is not None:
            child.pickup.authorized = list(person_ids)
            self.changed()
            self.load_child()

    def is_complete(self, plan: Plan) -> bool:
        return bool(plan.children) and not any(
            g.section == validate.Section.PICKUP for g in validate.completeness(plan)
        )
