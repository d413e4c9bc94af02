"""An emulation of the planned counselor's desk: search consenting households by name.

The desk is not built yet.  What it will have to do is fixed by the store's design: plans are
encrypted per household, so after the staff passphrase unlocks the staff key, a search by name
must unwrap each consenting household's data key (X25519), decrypt its plan (AES-GCM) and look
at the names.  Measured two ways: doing that for every query, and once at unlock into an
in-memory index (names only, dropped when the desk locks) that queries then scan.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from prepkit.plan import Plan
from prepkit.store import StaffKey, Store


def names(plan: Plan) -> list[str]:
    people = [p.name for p in plan.people()]
    kids = [n for c in plan.children for n in (c.legal_name, c.called_name)]
    return [n.casefold() for n in (*people, *kids) if n]


def search_by_decrypting(store: Store, staff: StaffKey, query: str) -> list[str]:
    wanted = query.casefold()
    found = []
    for info in store.consented_households():
        plan = store.load(store.unlock_as_staff(info.id, staff))
        if any(wanted in n for n in names(plan)):
            found.append(info.id)
    return found


@dataclass
class NameIndex:
    entries: list[tuple[str, str]]  # (household id, every name joined)

    @classmethod
    def build(cls, store: Store, staff: StaffKey) -> NameIndex:
        entries = []
        for info in store.consented_households():
            plan = store.load(store.unlock_as_staff(info.id, staff))
            entries.append((info.id, "\n".join(names(plan))))
        return cls(entries)

    def search(self, query: str) -> list[str]:
        wanted = query.casefold()
        return [hid for hid, joined in self.entries if wanted in joined]


def where_the_time_goes(store: Store, staff: StaffKey) -> dict[str, float]:
    """Per household: listing, key unwrap, decrypt + parse (the share of each)."""
    start = time.perf_counter()
    infos = store.consented_households()
    listed = time.perf_counter() - start
    start = time.perf_counter()
    sessions = [store.unlock_as_staff(i.id, staff) for i in infos]
    unwrapped = time.perf_counter() - start
    start = time.perf_counter()
    for session in sessions:
        store.load(session)
    loaded = time.perf_counter() - start
    return {"list": listed, "unwrap": unwrapped, "decrypt_parse": loaded}
