"""A page for a list of people (or children): the list on top, the chosen one's form below."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from prepkit.i18n import _
from prepkit.plan import Plan
from prepkit.ui.pages.base import Page
from prepkit.ui.saver import Saver
from prepkit.ui.widgets.form import Form
from prepkit.ui.widgets.itemlist import ItemList


class ListPage(Page):
    list_attr = ""
    list_label = ""  # msgid: the visible label above the list
    add_text = ""
    remove_text = ""
    confirm_text = ""  # "{name}" is the item's title
    empty_text = ""
    unnamed_text = ""  # "{n}" is the item's number
    people = True  # removing a person also clears every reference to them

    def __init__(self, plan: Plan, saver: Saver) -> None:
        super().__init__(plan, saver)
        self.items = ItemList(
            lambda: getattr(self.plan, self.list_attr),
            self.make_item,
            self.item_title,
            self.changed,
            label=self.list_label,
            add_text=self.add_text,
            remove_text=self.remove_text,
            confirm_text=self.confirm_text,
            remove=(lambda who: self.plan.remove_person(who.id)) if self.people else None,
        )
        self.body.addWidget(self.items)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "help")
        self.texts.bind(self.empty.setText, self.empty_text)
        self.body.addWidget(self.empty)
        self.details = self.form(self.current)
        self.build_form(self.details)
        self.body.addStretch(1)
        self.items.selected.connect(self._select)

    # --- for subclasses ------------------------------------------------------------------

    def make_item(self) -> Any:
        raise NotImplementedError

    def build_form(self, form: Form) -> None:
        raise NotImplementedError

    def item_name(self, item: Any) -> str:
        return item.name

    # --- list and form ------------------------------------------------------------------

    def item_title(self, item: Any, index: int) -> str:
        return self.item_name(item).strip() or _(self.unnamed_text).format(n=index + 1)

    def current(self) -> Any:
        items = getattr(self.plan, self.list_attr)
        row = self.items.current_index()
        return items[row] if 0 <= row < len(items) else None

    def _select(self, row: int) -> None:
        self.details.setVisible(row >= 0)
        self.empty.setVisible(row < 0)
        self.details.load()
        self.position_changed.emit()

    def changed(self) -> None:
        super().changed()
        self.items.update_titles()

    def load(self, plan: Plan) -> None:
        shown = self.current_item_id()  # the same one again when coming back to the page
        self.plan = plan
        ids = [item.id for item in getattr(plan, self.list_attr)]
        self.items.refresh(select=ids.index(shown) if shown in ids else 0)

    def retranslate(self) -> None:
        super().retranslate()
        self.items.retranslate()

    def select_item(self, item_id: str) -> None:
        ids = [item.id for item in getattr(self.plan, self.list_attr)]
        if item_id in ids:
            self.items.refresh(select=ids.index(item_id))

    def is_complete(self, plan: Plan) -> bool:
        return bool(getattr(plan, self.list_attr))

    def show_item(self, item_id: str) -> None:
        self.select_item(item_id)

    def current_item_id(self) -> str:
        item = self.current()
        return item.id if item is not None else ""
