"""The small values the store hands out: sessions, keys and descriptions without personal data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from prepkit.store.errors import SessionLocked


class _KeyHolder:
    """Holds a secret key in a bytearray so ``forget()`` can overwrite it.

    Python may have made other copies along the way (bytes passed to the cipher); overwriting
    ours is the best a pure-Python program can do, and it stops this object from being reused.
    """

    def __init__(self, key: bytes) -> None:
        self._key: bytearray | None = bytearray(key)

    @property
    def key(self) -> bytes:
        if self._key is None:
            raise SessionLocked()
        return bytes(self._key)

    @property
    def forgotten(self) -> bool:
        return self._key is None

    def forget(self) -> None:
        if self._key is not None:
            for i in range(len(self._key)):
                self._key[i] = 0
            self._key = None


class Session(_KeyHolder):
    """One unlocked household: its id and its data key, in memory only.

    ``read_only`` sessions (the school staff's) can read, print and log copies, never change
    the plan.  Call ``forget()`` when the family is done (the kiosk does at every hand-over).
    """

    def __init__(
        self, household_id: str, key: bytes, *, read_only: bool = False, kiosk: bool = False
    ) -> None:
        super().__init__(key)
        self.household_id = household_id
        self.read_only = read_only
        self.kiosk = kiosk
        # (revision, sha256 of the plan bytes) last seen by this session: makes a no-op save free.
        self._seen: tuple[int, bytes] | None = None

    def __repr__(self) -> str:  # never the key
        state = "forgotten" if self.forgotten else "unlocked"
        return f"<Session {self.household_id} {state}{' read-only' if self.read_only else ''}>"


class StaffKey(_KeyHolder):
    """The staff's private X25519 key, unwrapped by the staff passphrase (counselor screens)."""

    def __init__(self, private_key: bytes, public_key: bytes) -> None:
        super().__init__(private_key)
        self.public_key = public_key

    def __repr__(self) -> str:
        return f"<StaffKey {'forgotten' if self.forgotten else 'unlocked'}>"


@dataclass(frozen=True)
class Change:
    """What one write did: the UI listens for these (one signal for every write)."""

    household_id: str
    revision: int
    content_changed: bool


@dataclass(frozen=True)
class Revision:
    """A kept version of a plan.  ``started`` is when this slot began, ``saved`` its last save."""

    number: int
    started: datetime
    saved: datetime


@dataclass(frozen=True)
class HouseholdInfo:
    """A household as listed without unlocking it: no personal data at all."""

    id: str
    created: datetime
    updated: datetime
    kiosk: bool
    consent: bool


@dataclass(frozen=True)
class PdfInfo:
    id: str
    document: str
    language: str
    created: datetime
    size: int


@dataclass(frozen=True)
class CopyRecord:
    """One printed or exported copy: ``for_whom`` is decrypted text and may be a name."""

    id: str
    at: datetime
    document: str
    language: str
    action: str
    for_whom: str = field(default="")
