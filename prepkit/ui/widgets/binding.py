"""Reading and writing one attribute of a plan object, reached through a function.

Fields never hold data: they read from and write to the ``Plan`` dataclasses through a
``Binding``, so the plan (not the widgets) is the model, and a page can point the same fields at
another parent or child by changing what ``owner`` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

Owner = Callable[[], Any]


class FieldBinding(Protocol):
    """What a field reads and writes through: a Binding, ListSlot or ItemAttr, or a page's own
    (the documents page's PlaceOf)."""

    def available(self) -> bool: ...

    def get(self) -> Any: ...

    def set(self, value: Any) -> None: ...


class Binding:
    def __init__(self, owner: Owner, path: str) -> None:
        self.owner = owner
        self.path = path.split(".") if path else []

    def _parent(self) -> Any:
        obj = self.owner()
        for name in self.path[:-1]:
            obj = getattr(obj, name)
        return obj

    def available(self) -> bool:
        return self.owner() is not None

    def get(self) -> Any:
        obj = self.owner()
        for name in self.path:
            obj = getattr(obj, name)
        return obj

    def set(self, value: Any) -> None:
        setattr(self._parent(), self.path[-1], value)


class ListSlot:
    """Item ``index`` of a list attribute (a person's first or second phone)."""

    def __init__(self, owner: Owner, path: str, index: int, empty: Callable[[], Any]) -> None:
        self.list_binding = Binding(owner, path)
        self.index = index
        self.empty = empty

    def available(self) -> bool:
        return self.list_binding.available()

    def get(self) -> Any:
        items = self.list_binding.get()
        return items[self.index] if self.index < len(items) else self.empty()

    def set(self, value: Any) -> None:
        items = self.list_binding.get()
        while len(items) <= self.index:
            items.append(self.empty())
        items[self.index] = value
        # Trailing empty entries carry nothing; dropping them keeps printed copies clean.
        while items and not getattr(items[-1], "text", "x").strip():
            items.pop()


class ItemAttr:
    """One attribute of item ``index`` of a list (a legal-help contact's name, a medication's
    dose), making the item when the user first types into it and dropping trailing empty ones."""

    def __init__(self, owner: Owner, list_path: str, index: int, attr: str,
                 empty: Callable[[], Any]) -> None:
        self.list_binding = Binding(owner, list_path)
        self.index = index
        self.attr = attr
        self.empty = empty
        self.path = [*self.list_binding.path, str(index), attr]

    def available(self) -> bool:
        return self.list_binding.available()

    def get(self) -> Any:
        items = self.list_binding.get()
        item = items[self.index] if self.index < len(items) else self.empty()
        return getattr(item, self.attr)

    def set(self, value: Any) -> None:
        items = self.list_binding.get()
        while len(items) <= self.index:
            items.append(self.empty())
        setattr(items[self.index], self.attr, value)
        blank = self.empty()
        while items and items[-1] == blank:
            items.pop()


class Element:
    """One element of a list, itself replaced when written (a phone to memorize: the field
    writes a new, normalised ``Phone``); found by identity, so reordering cannot confuse it."""

    def __init__(self, items: Callable[[], list[Any]], item: Any) -> None:
        self.items = items
        self.item = item
        self.path: list[str] = []

    def available(self) -> bool:
        return any(x is self.item for x in self.items())

    def get(self) -> Any:
        return self.item

    def set(self, value: Any) -> None:
        items = self.items()
        for index, existing in enumerate(items):
            if existing is self.item:
                items[index] = value
                self.item = value
                return
