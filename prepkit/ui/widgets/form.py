"""A column of fields bound to one object of the plan, built in reading order.

Pages describe their fields with this builder (``form.text("name", N_("Name"))``); the order of
calls is the order on screen and the tab order, so keyboard users read the page as it is laid out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from prepkit import i18n
from prepkit.i18n import N_
from prepkit.ui.texts import Texts, picker_name
from prepkit.ui.widgets import fields
from prepkit.ui.widgets.binding import Binding, ListSlot, Owner


def language_items() -> list[tuple[str, str, bool]]:
    """Languages written in themselves, the same way the start page shows them."""
    rows = [("", N_("Not chosen"), True)]
    rows += [(lang.code, picker_name(lang), False) for lang in i18n.LANGUAGES]
    return rows


class Form(QWidget):
    def __init__(self, owner: Owner, changed: Callable[[], None]) -> None:
        super().__init__()
        self.owner = owner
        self.changed = changed
        self.texts = Texts()
        self.fields: list[fields.Field] = []
        self.row_lists: list[Any] = []  # RowList (imported lazily: it builds Forms itself)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(4)

    def add(self, field: fields.Field) -> fields.Field:
        self.fields.append(field)
        self.column.addWidget(field)
        return field

    def heading(self, msgid: str) -> QLabel:
        label = QLabel()
        label.setProperty("role", "heading")
        label.setWordWrap(True)
        self.texts.bind(label.setText, msgid)
        self.column.addWidget(label)
        return label

    def note(self, msgid: str) -> QLabel:
        label = QLabel()
        label.setProperty("role", "help")
        label.setWordWrap(True)
        self.texts.bind(label.setText, msgid)
        self.column.addWidget(label)
        return label

    def line(self) -> None:
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        self.column.addWidget(rule)

    def text(self, path: str, label: str, **kw: Any) -> fields.Field:
        return self.add(fields.TextField(Binding(self.owner, path), label, self.changed, **kw))

    def area(self, path: str, label: str, **kw: Any) -> fields.Field:
        return self.add(fields.AreaField(Binding(self.owner, path), label, self.changed, **kw))

    def phone(self, path: str, label: str, index: int | None = None, **kw: Any) -> fields.Field:
        binding = (
            Binding(self.owner, path) if index is None
            else fields.phone_slot(self.owner, path, index)
        )
        return self.add(fields.PhoneField(binding, label, self.changed, **kw))

    def date(self, path: str, label: str, **kw: Any) -> fields.Field:
        from prepkit.ui.widgets.dateedit import DateField  # it builds on fields.Field

        return self.add(DateField(Binding(self.owner, path), label, self.changed, **kw))

    def check(self, path: str, label: str, **kw: Any) -> fields.Field:
        return self.add(fields.CheckField(Binding(self.owner, path), label, self.changed, **kw))

    def choice(self, path: str, label: str, options: Sequence[fields.Option],
               **kw: Any) -> fields.Field:
        return self.add(
            fields.ChoiceField(Binding(self.owner, path), label, self.changed, options, **kw)
        )

    def radios(self, path: str, label: str, options: Sequence[tuple[Any, str, str]],
               **kw: Any) -> fields.Field:
        return self.add(
            fields.RadioField(Binding(self.owner, path), label, self.changed, options, **kw)
        )

    def pick(self, path: str, label: str, items: Callable[[], list[tuple[str, str, bool]]],
             **kw: Any) -> fields.Field:
        return self.add(
            fields.PickField(Binding(self.owner, path), label, self.changed, items, **kw)
        )

    def languages(self, path: str, label: str, **kw: Any) -> fields.Field:
        return self.add(fields.LanguagesField(Binding(self.owner, path), label, self.changed, **kw))

    def language(self, path: str, label: str, **kw: Any) -> fields.Field:
        return self.pick(path, label, language_items, **kw)

    def rows(self, ops: Any, build_row: Callable[[Form], None], *, add_text: str,
             item_text: str, confirm_text: str) -> Any:
        """Any number of small items (medicines, numbers to memorize), each a little form."""
        from prepkit.ui.widgets.rowlist import RowList

        rows = RowList(ops, build_row, self.changed, add_text=add_text, item_text=item_text,
                       confirm_text=confirm_text)
        self.row_lists.append(rows)
        self.column.addWidget(rows)
        return rows

    def load(self) -> None:
        for field in self.fields:
            field.load()
        for rows in self.row_lists:
            rows.load()

    def retranslate(self) -> None:
        self.texts.retranslate()
        for field in self.fields:
            field.retranslate()
        for rows in self.row_lists:
            rows.retranslate()

    def field(self, path: str) -> fields.Field:
        """The field bound to ``path`` (tests and the review page's jumps use this)."""
        for field in self.fields:
            binding = field.binding
            parts: list[str] = getattr(binding, "path", None) or []  # Binding, ItemAttr, PlaceOf
            if not parts and isinstance(binding, ListSlot):
                parts = binding.list_binding.path
            name = ".".join(parts)
            index = getattr(binding, "index", None)
            if name == path or (index is not None and f"{name}.{index}" == path):
                return field
        raise KeyError(path)
