"""Pages filled in once per child: a tab for each child's name above the same form."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabBar

from prepkit.i18n import N_, _
from prepkit.plan import Child, Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.saver import Saver
from prepkit.ui.texts import mark_user_text

NO_CHILDREN = N_("Add a child on the “Children” page first.")


class PerChildPage(Page):
    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        self.tabs = mark_user_text(QTabBar())
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(self._tab_chosen)
        self.no_children = QLabel()
        self.no_children.setProperty("role", "help")
        self.no_children.setWordWrap(True)
        self.texts.bind(self.no_children.setText, NO_CHILDREN)
        self.texts.bind(self.tabs.setAccessibleName, N_("Choose a child"))
        self.body.addWidget(self.tabs)
        self.body.addWidget(self.no_children)

    def child(self) -> Child | None:
        index = self.tabs.currentIndex()
        return self.plan.children[index] if 0 <= index < len(self.plan.children) else None

    def child_forms(self) -> list:
        """The forms that follow the chosen child (family-wide forms do not)."""
        return list(self.forms)

    def _tab_chosen(self, _index: int) -> None:
        self.load_child()
        self.position_changed.emit()

    def load(self, plan: Plan) -> None:
        shown = self.current_item_id()  # the same child again, wherever the list moved them
        ids = [c.id for c in plan.children]
        keep = ids.index(shown) if shown in ids else 0
        self.plan = plan
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for index, child in enumerate(plan.children):
            self.tabs.addTab(child.display_name.strip() or _("Child {n}").format(n=index + 1))
        self.tabs.setCurrentIndex(min(max(keep, 0), len(plan.children) - 1))
        self.tabs.blockSignals(False)
        self.tabs.setVisible(bool(plan.children))
        self.no_children.setVisible(not plan.children)
        super().load(plan)
        self.load_child()

    def load_child(self) -> None:
        for form in self.child_forms():
            form.setVisible(self.child() is not None)
            form.load()

    def retranslate(self) -> None:
        super().retranslate()
        for index, child in enumerate(self.plan.children):
            if not child.display_name.strip() and index < self.tabs.count():
                self.tabs.setTabText(index, _("Child {n}").format(n=index + 1))

    def show_item(self, item_id: str) -> None:
        ids = [c.id for c in self.plan.children]
        if item_id in ids:
            self.tabs.setCurrentIndex(ids.index(item_id))

    def current_item_id(self) -> str:
        child = self.child()
        return child.id if child else ""
