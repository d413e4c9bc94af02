"""Translated widget texts that can be re-applied when the interface language changes.

Every page keeps a ``Texts`` of (setter, msgid) pairs instead of calling ``setText(_(...))``
once: switching the language then re-runs the same setters, so nothing is forgotten and nothing
typed is touched (user data is never in here).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from prepkit import i18n
from prepkit.i18n import _

# Widgets whose text is the family's own data or a language's own name: the pseudo-language
# test skips them, everything else must come through the catalog.
USER_TEXT = "prepkit_user_text"

W = TypeVar("W", bound=QWidget)


class Labelled(Protocol):
    """A widget with a text of its own: buttons, check boxes, labels."""

    def setText(self, text: str, /) -> None: ...

    def setAccessibleName(self, name: str, /) -> None: ...


class Texts:
    def __init__(self) -> None:
        self._items: list[tuple[Callable[[str], object], str]] = []

    def bind(self, setter: Callable[[str], object], msgid: str) -> None:
        self._items.append((setter, msgid))
        setter(_(msgid))

    def label(self, widget: Labelled, msgid: str, *, accessible: bool = True) -> None:
        """Text, and the same words as accessible name (screen readers read labels too)."""
        self.bind(widget.setText, msgid)
        if accessible:
            self.bind(widget.setAccessibleName, msgid)

    def retranslate(self) -> None:
        for setter, msgid in self._items:
            setter(_(msgid))


class StatusLine:
    """A label that says one message at a time, kept as its msgid and values (never as the
    finished sentence), so a language switch says it again: "Ready. 12 pages." included."""

    def __init__(self, label: QLabel) -> None:
        self.label = label
        self._render: Callable[[], str] | None = None
        self._shown = ""

    def say(self, msgid: str, **params: object) -> None:
        self._show(lambda: _(msgid).format(**params) if params else _(msgid))

    def say_count(self, forms: Callable[[int], str], n: int) -> None:
        """A message with a count: ``forms`` is ``lambda n: ngettext("…", "…", n)`` (written
        out, so the catalog sees both forms), the count takes the language's digits."""
        self._show(lambda: forms(n).format(n=i18n.format_number(n, i18n.interface_language())))

    def clear(self) -> None:
        self._render = None
        self._shown = ""
        self.label.clear()

    def _show(self, render: Callable[[], str]) -> None:
        self._render = render
        self._shown = render()
        self.label.setText(self._shown)

    def retranslate(self) -> None:
        # Only what this line said itself: a message someone else put there is left alone.
        if self._render is not None and self.label.text() == self._shown:
            self._show(self._render)


def picker_name(lang: i18n.Language) -> str:
    """The language in itself, as every list of languages on screen names it (the registry
    says plain "English" rather than Babel's "English (United States)")."""
    return lang.native_name


def mark_user_text(widget: W) -> W:
    """Mark ``widget`` as showing user data; returns it, with its own type, for chaining."""
    widget.setProperty(USER_TEXT, True)
    return widget
