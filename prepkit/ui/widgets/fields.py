"""Labelled inputs bound to the plan: text, long text, phone, date, yes/no, choice, person.

Each field is a visible label above its input (set as the input's buddy, and as its accessible
name), an optional help line, and a message line for validation, shown next to the field in the
interface language and never in a modal box.  Editing writes straight into the plan and calls
``changed`` (the page's saver); ``load`` reads the plan back into the widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from prepkit import validate
from prepkit.i18n import Message
from prepkit.plan import Phone
from prepkit.ui.texts import Texts, mark_user_text, picker_name
from prepkit.ui.widgets.binding import Binding, FieldBinding, ListSlot

Changed = Callable[[], None]
Check = Callable[[Any], Message | None]


class Field(QWidget):
    """The label / input / help / message frame every field shares."""

    def __init__(
        self, binding: FieldBinding, label: str, changed: Changed, *,
        help: str = "", placeholder: str = "", check: Check | None = None,
    ) -> None:
        super().__init__()
        self.binding = binding
        self.changed = changed
        self.check = check
        self.texts = Texts()
        self._loading = False
        self._message: Message | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setProperty("role", "help")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("role", "error")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        self.input = self.make_input()
        layout.addWidget(self.frame(self.input))
        layout.addWidget(self.help)
        layout.addWidget(self.message)
        self.label.setBuddy(self.input)
        self.texts.bind(self.label.setText, label)
        self.texts.bind(self.input.setAccessibleName, label)
        if help:
            self.texts.bind(self.help.setText, help)
            self.texts.bind(self.input.setAccessibleDescription, help)
        else:
            self.help.hide()
        if placeholder:
            if not isinstance(self.input, (QLineEdit, QPlainTextEdit, QComboBox)):
                raise TypeError(f"{type(self).__name__} has no place for a placeholder")
            self.texts.bind(self.input.setPlaceholderText, placeholder)

    # --- for subclasses -------------------------------------------------------------------

    def make_input(self) -> QWidget:
        raise NotImplementedError

    def frame(self, widget: QWidget) -> QWidget:
        """What goes under the label: the input itself, or the input with buttons beside it."""
        return widget

    def show_value(self, value: Any) -> None:
        raise NotImplementedError

    def write(self, value: Any) -> None:
        """Called by subclasses when the user edits: into the plan, then save, then check."""
        if self._loading or not self.binding.available():
            return
        self.binding.set(value)
        self.changed()
        self.validate(value)

    def validate(self, value: Any) -> None:
        self._message = self.check(value) if self.check else None
        self._show_message()

    def _show_message(self) -> None:
        self.message.setVisible(self._message is not None)
        self.message.setText(self._message.render() if self._message else "")

    # --- the page's protocol --------------------------------------------------------------

    def load(self) -> None:
        self._loading = True
        try:
            self.setEnabled(self.binding.available())
            value = self.binding.get() if self.binding.available() else None
            self.show_value(value)
        finally:
            self._loading = False
        self._message = self.check(value) if (self.check and value is not None) else None
        self._show_message()

    def retranslate(self) -> None:
        self.texts.retranslate()
        self._show_message()


class TextField(Field):
    def make_input(self) -> QWidget:
        self.edit = mark_user_text(QLineEdit())
        self.edit.textEdited.connect(self.write)
        return self.edit

    def show_value(self, value: Any) -> None:
        self.edit.setText(value or "")


class AreaField(Field):
    """Several lines (routines, health notes); Tab moves on, as in every other field."""

    def make_input(self) -> QWidget:
        self.edit = edit = mark_user_text(QPlainTextEdit())
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(90)
        edit.textChanged.connect(lambda: self.write(edit.toPlainText()))
        return edit

    def show_value(self, value: Any) -> None:
        self.edit.setPlainText(value or "")


class PhoneField(Field):
    """Formats as the user types; "+" and a country code for numbers abroad."""

    def __init__(self, binding: FieldBinding, label: str, changed: Changed, **kw: Any):
        kw.setdefault("check", lambda phone: validate.phone_message(phone.text))
        super().__init__(binding, label, changed, **kw)

    def make_input(self) -> QWidget:
        self.edit = edit = mark_user_text(QLineEdit())
        edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        # Phone numbers read left to right in every language.
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.textEdited.connect(self._typed)
        edit.editingFinished.connect(lambda: self.validate(self.current()))
        return edit

    def current(self) -> Phone:
        old = self.binding.get() if self.binding.available() else Phone()
        return validate.normalize_phone(Phone(text=self.edit.text(), kind=old.kind))

    def _typed(self, text: str) -> None:
        formatted = validate.format_as_you_type(text)
        edit = self.edit
        at_end = edit.cursorPosition() == len(text)
        if formatted != text and at_end:
            edit.setText(formatted)
        phone = self.current()
        if self._loading or not self.binding.available():
            return
        self.binding.set(phone)
        self.changed()
        # While typing, only clear a message; complaining mid-number would nag.
        if self._message is not None and (self.check is None or self.check(phone) is None):
            self._message = None
            self._show_message()

    def show_value(self, value: Any) -> None:
        self.edit.setText(value.text if value else "")


class CheckField(Field):
    """Yes / no: the label is the checkbox's own text (a separate label would say it twice)."""

    def make_input(self) -> QWidget:
        self.box = QCheckBox()
        self.box.toggled.connect(self.write)
        return self.box

    def __init__(self, binding: Binding, label: str, changed: Changed, **kw: Any) -> None:
        super().__init__(binding, label, changed, **kw)
        self.label.hide()
        self.texts.bind(self.box.setText, label)

    def show_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


Option = tuple[Any, str]  # (value, msgid)


class ChoiceField(Field):
    """One of a few values, in a list box; the words come from the catalog."""

    def __init__(self, binding: Binding, label: str, changed: Changed,
                 options: Sequence[Option], **kw: Any) -> None:
        self.options = list(options)
        super().__init__(binding, label, changed, **kw)
        for index, (_value, msgid) in enumerate(self.options):
            self.texts.bind(partial(self.combo.setItemText, index), msgid)

    def make_input(self) -> QWidget:
        self.combo = combo = QComboBox()
        for value, _msgid in self.options:
            combo.addItem("", value)
        combo.activated.connect(lambda i: self.write(self.options[i][0]))
        return combo

    def show_value(self, value: Any) -> None:
        values = [v for v, _m in self.options]
        self.combo.setCurrentIndex(values.index(value) if value in values else 0)


class RadioField(Field):
    """Choices that each need a sentence of explanation (the caregiver papers)."""

    def __init__(self, binding: Binding, label: str, changed: Changed,
                 options: Sequence[tuple[Any, str, str]], **kw: Any) -> None:
        self.options = list(options)
        super().__init__(binding, label, changed, **kw)
        self.label.setBuddy(self.buttons[0])
        for button, (_v, title, explanation) in zip(self.buttons, self.options, strict=True):
            self.texts.bind(button.setText, title)
            self.texts.bind(button.setAccessibleName, title)
            if explanation:
                self.texts.bind(button.setAccessibleDescription, explanation)
        for lab, (_v, _t, explanation) in zip(self.explanations, self.options, strict=True):
            if explanation:
                self.texts.bind(lab.setText, explanation)
            else:
                lab.hide()

    def make_input(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(box)
        self.buttons: list[QRadioButton] = []
        self.explanations: list[QLabel] = []
        for index, (value, _t, _e) in enumerate(self.options):
            button = QRadioButton()
            explanation = QLabel()
            explanation.setWordWrap(True)
            explanation.setProperty("role", "help")
            explanation.setContentsMargins(28, 0, 0, 6)
            self.group.addButton(button, index)
            button.toggled.connect(lambda on, v=value: self._toggled(on, v))
            col.addWidget(button)
            col.addWidget(explanation)
            self.buttons.append(button)
            self.explanations.append(explanation)
        box.setFocusProxy(self.buttons[0])
        return box

    def _toggled(self, on: bool, value: Any) -> None:
        """Only the button that was switched on writes; the one switched off says nothing."""
        if on:
            self.write(value)

    def show_value(self, value: Any) -> None:
        for button, (v, _t, _e) in zip(self.buttons, self.options, strict=True):
            button.setChecked(v == value)


class PickField(Field):
    """A value from a list that changes with the plan: a person, a language.

    ``items`` gives (value, text, translate) rows; user data and language names are shown as
    they are, anything else through the catalog.
    """

    def __init__(self, binding: Binding, label: str, changed: Changed,
                 items: Callable[[], list[tuple[str, str, bool]]], **kw: Any) -> None:
        self.items = items
        super().__init__(binding, label, changed, **kw)

    def make_input(self) -> QWidget:
        self.combo = combo = mark_user_text(QComboBox())
        combo.activated.connect(lambda i: self.write(combo.itemData(i) or ""))
        return combo

    def show_value(self, value: Any) -> None:
        from prepkit.i18n import _

        combo = self.combo
        combo.clear()
        for data, text, translate in self.items():
            combo.addItem(_(text) if translate else text, data)
        index = combo.findData(value or "")
        combo.setCurrentIndex(max(0, index))

    def retranslate(self) -> None:
        super().retranslate()
        value = self.binding.get() if self.binding.available() else ""
        self._loading = True
        try:
            self.show_value(value)
        finally:
            self._loading = False


def phone_slot(owner: Callable[[], Any], path: str, index: int) -> ListSlot:
    return ListSlot(owner, path, index, Phone)


def today() -> date:
    return date.today()


class LanguagesField(Field):
    """Several languages at once (the printed copies'): one list, arrows and Space to tick."""

    def make_input(self) -> QWidget:
        from prepkit import i18n

        self.view = view = mark_user_text(QListWidget())  # languages written in themselves
        view.setFlow(QListView.Flow.LeftToRight)
        view.setWrapping(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setSpacing(2)
        view.setFixedHeight(150)
        for lang in i18n.LANGUAGES:
            item = QListWidgetItem(picker_name(lang))
            item.setData(Qt.ItemDataRole.UserRole, lang.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            view.addItem(item)
        view.itemChanged.connect(lambda _item: self.write(self.codes()))
        return view

    def codes(self) -> list[str]:
        rows = (self.view.item(i) for i in range(self.view.count()))
        return [r.data(Qt.ItemDataRole.UserRole) for r in rows
                if r.checkState() == Qt.CheckState.Checked]

    def show_value(self, value: Any) -> None:
        chosen = set(value or [])
        self.view.blockSignals(True)
        for row in range(self.view.count()):
            item = self.view.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.view.blockSignals(False)
