"""Translated widget texts that can be re-applied when the interface language changes.

Every page keeps a ``Texts`` of (setter, msgid) pairs instead of calling ``setText(_(...))``
once: switching the language then re-runs the same setters, so nothing is forgotten and nothing
typed is touched (user data is never in here).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QWidget

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


def mark_user_text(widget: W) -> W:
    """Mark ``widget`` as showing user data; returns it, with its own type, for chaining."""
    widget.setProperty(USER_TEXT, True)
    return widget
