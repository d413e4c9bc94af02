"""Search cards: just the names a school counselor looks a family up by, encrypted.

Each household's card is sealed under that household's own data key, so it is exactly as
private as the plan: only the family, or the staff key where the family consented, opens it.
The counselor's desk decrypts these few dozen bytes per family instead of every whole plan:
searching ten thousand families stays well under a second after the staff passphrase.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from prepkit import crypto
from prepkit.plan import Plan
from prepkit.store.base import STAFF, aad
from prepkit.store.records import HouseholdInfo, StaffKey


@dataclass(frozen=True)
class SearchCard:
    household: HouseholdInfo
    parents: tuple[str, ...]
    children: tuple[tuple[str, str], ...]  # (legal name, the name the child answers to)
    family_language: str


def _card_data(plan: Plan) -> dict[str, object]:
    return {
        "parents": [p.name for p in plan.parents],
        "children": [[c.legal_name, c.called_name] for c in plan.children],
        "language": plan.record.family_language,
    }


def card_bytes(plan: Plan) -> bytes:
    return json.dumps(_card_data(plan), ensure_ascii=False).encode("utf-8")


def card_from_plan(info: HouseholdInfo, plan: Plan) -> SearchCard:
    return _card(info, _card_data(plan))


def _card(info: HouseholdInfo, data: dict[str, object]) -> SearchCard:
    parents = data["parents"]
    children = data["children"]
    assert isinstance(parents, list) and isinstance(children, list)
    return SearchCard(
        info,
        tuple(str(n) for n in parents),
        tuple((str(a), str(b)) for a, b in children),
        str(data.get("language") or "en"),
    )


def write_search_card(conn: sqlite3.Connection, key: bytes, household_id: str,
                      plan: Plan) -> None:
    """Inside the caller's transaction, so the card never disagrees with the saved plan."""
    blob = crypto.seal(key, card_bytes(plan), aad("card", household_id))
    conn.execute(
        "INSERT INTO search_cards (household_id, blob) VALUES (?, ?)"
        " ON CONFLICT(household_id) DO UPDATE SET blob = excluded.blob",
        (household_id, blob),
    )


def open_cards(conn: sqlite3.Connection, staff: StaffKey,
               households: list[HouseholdInfo]) -> list[SearchCard]:
    """The cards of consenting households; one staff unwrap and one small decrypt each."""
    wanted = {h.id: h for h in households}
    rows = conn.execute(
        "SELECT k.household_id, k.blob, c.blob FROM household_keys k"
        " JOIN search_cards c ON c.household_id = k.household_id WHERE k.holder = ?",
        (STAFF,),
    ).fetchall()
    cards = []
    open_wrap = crypto.opener(staff.key)
    for household_id, wrapped, sealed in rows:
        info = wanted.get(household_id)
        if info is None:
            continue
        try:
            key = open_wrap(bytes(wrapped), aad("key", household_id, STAFF))
            data = json.loads(crypto.unseal(key, bytes(sealed), aad("card", household_id)))
            cards.append(_card(info, data))
        except (crypto.DecryptionError, ValueError, KeyError, TypeError, AssertionError):
            continue  # one damaged card must not hide every other family: the caller decides
    return cards
