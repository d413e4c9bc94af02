"""The families a counselor may see: names from the store's small encrypted search cards, and
the plan itself as staff may see it (read-only, without the private section)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from prepkit.plan import Plan


def fold(text: str) -> str:
    """For search: no case, no accents ("José" is found by "jose")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass
class Family:
    household_id: str
    parents: str
    children: str
    language: str
    updated: datetime

    @cached_property
    def folded(self) -> str:
        """The names as a search sees them, worked out once: every keystroke searches them
        all again, and folding 8,000 families' names took most of each keystroke's time."""
        return fold(f"{self.parents} {self.children}")

    def matches(self, query: str) -> bool:
        return self.has_words(search_words(query))

    def has_words(self, words: list[str]) -> bool:
        """``matches`` for a query already split by ``search_words`` (once for every family)."""
        return all(word in self.folded for word in words)


def search_words(query: str) -> list[str]:
    return fold(query).split()


def staff_plan(store: Any, staff_key: Any, household_id: str) -> Plan:
    """The plan as staff may see it: read-only session, private section dropped at once."""
    session = store.unlock_as_staff(household_id, staff_key)
    try:
        return store.load(session).without_private()
    finally:
        session.forget()


def load_families(store: Any, staff_key: Any) -> list[Family]:
    """Every consenting family's names, from the store's small encrypted search cards.

    Only names are decrypted (a few dozen bytes a family), never whole plans: ten thousand
    families load in about a second.  Plans are opened one at a time when a counselor acts.
    """
    families = []
    for card in store.search_cards(staff_key):
        children = []
        for legal, called in card.children:
            names = [n for n in (legal, called) if n]
            if len(names) == 2 and names[0] == names[1]:
                names = names[:1]
            children.append(" / ".join(names))
        families.append(Family(
            card.household.id,
            ", ".join(name for name in card.parents if name),
            ", ".join(c for c in children if c),
            card.family_language or "en",
            card.household.updated,
        ))
    families.sort(key=lambda f: f.updated, reverse=True)
    return families
