"""The school staff's key and the family's consent to share with the school.

A kiosk never needs the staff passphrase: sharing wraps the household's data key to the staff's
*public* key, stored in clear.  Only the private key, wrapped under the staff passphrase, can
unwrap it.  Withdrawing consent deletes that wrapped copy and scrubs it from the file.
"""

from __future__ import annotations

from datetime import datetime

from prepkit import crypto
from prepkit.store.base import (
    STAFF,
    StoreBase,
    aad,
    checksum,
    unwrap_with_passphrase,
    wrap_with_passphrase,
)
from prepkit.store.errors import (
    NoStaffKey,
    NotShared,
    ReadOnlySession,
    StaffKeyExists,
    WrongPassphrase,
)
from prepkit.store.records import HouseholdInfo, Session, StaffKey

_STAFF_PRIVATE = aad("staff-private", "-")
_KIOSK_SETTINGS_KEY = "kiosk_settings"


class SharingMixin(StoreBase):
    def has_staff_key(self) -> bool:
        with self._read() as conn:
            return conn.execute("SELECT 1 FROM staff_key WHERE id = 1").fetchone() is not None

    def set_staff_passphrase(self, passphrase: str, *, current: StaffKey | None = None) -> None:
        """First run: make the staff key pair.  Later: rewrap the same pair (pass ``current``),
        so every consent already given keeps working under the new passphrase."""
        if not passphrase:
            raise ValueError("the staff passphrase is empty")
        if self.has_staff_key():
            if current is None:
                raise StaffKeyExists()
            private, public = current.key, current.public_key
            if crypto.public_key_of(private) != public or public != self._staff_public():
                raise WrongPassphrase()
        else:
            private, public = crypto.new_keypair()
        self._store_staff_private(private, public, passphrase)
        self._scrub()  # the private key wrapped under the old passphrase must not linger

    def _store_staff_private(self, private: bytes, public: bytes, passphrase: str) -> None:
        kdf, blob = wrap_with_passphrase(private, passphrase, _STAFF_PRIVATE)
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO staff_key"
                " (id, public_key, kdf, wrapped_private, checksum, created)"
                " VALUES (1, ?, ?, ?, ?, ?)",
                (public, kdf, blob, checksum(blob), self._now()),
            )

    def _staff_public(self) -> bytes:
        with self._read() as conn:
            row = conn.execute("SELECT public_key FROM staff_key WHERE id = 1").fetchone()
        if row is None:
            raise NoStaffKey()
        return bytes(row[0])

    def unlock_staff(self, passphrase: str) -> StaffKey:
        with self._read() as conn:
            row = conn.execute(
                "SELECT public_key, kdf, wrapped_private, checksum FROM staff_key WHERE id = 1"
            ).fetchone()
        if row is None:
            raise NoStaffKey()
        public, kdf, blob, check = bytes(row[0]), row[1], bytes(row[2]), bytes(row[3])
        private, weak = unwrap_with_passphrase(kdf, blob, check, passphrase, _STAFF_PRIVATE)
        if weak:
            self._store_staff_private(private, public, passphrase)
            self._scrub()
        return StaffKey(private, public)

    def unlock_as_staff(self, household_id: str, staff: StaffKey) -> Session:
        """A read-only session on a household that consented to share with the school."""
        _, kiosk = self._household_row(household_id)
        with self._read() as conn:
            row = conn.execute(
                "SELECT blob FROM household_keys WHERE household_id = ? AND holder = ?",
                (household_id, STAFF),
            ).fetchone()
        if row is None:
            raise NotShared()
        try:
            key = crypto.open_with_private(
                staff.key, bytes(row[0]), aad("key", household_id, STAFF)
            )
        except crypto.DecryptionError:
            raise WrongPassphrase() from None
        return Session(household_id, key, read_only=True, kiosk=bool(kiosk))

    def _family_only(self, session: Session) -> bytes:
        if session.read_only:
            raise ReadOnlySession()
        key = session.key
        self._household_row(session.household_id)
        return key

    def grant_consent(self, session: Session) -> None:
        """The family agrees that the school staff may open, print and reprint their plan."""
        key = self._family_only(session)
        blob = crypto.seal_to_public(
            self._staff_public(), key, aad("key", session.household_id, STAFF)
        )
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO household_keys"
                " (household_id, holder, kdf, blob, checksum) VALUES (?, ?, ?, ?, ?)",
                (session.household_id, STAFF, "{}", blob, checksum(blob)),
            )

    def withdraw_consent(self, session: Session) -> None:
        """The staff copy of the key is deleted and scrubbed: the school can no longer open it."""
        self._family_only(session)
        with self._write() as conn:
            conn.execute(
                "DELETE FROM household_keys WHERE household_id = ? AND holder = ?",
                (session.household_id, STAFF),
            )
        self._scrub()

    def kiosk_settings(self) -> dict[str, int]:
        """What staff set for this kiosk (days a kept plan lives, idle minutes): numbers only.

        Kept apart from ``ui_state`` (the home app's resume hint, rewritten whole on each change)
        so that using the same file at home never resets a school's retention period."""
        value = self._meta_json(_KIOSK_SETTINGS_KEY)
        return {k: v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}

    def set_kiosk_settings(self, settings: dict[str, int]) -> None:
        if len(settings) > 16 or not all(
            isinstance(k, str) and len(k) <= 40 and isinstance(v, int) and not isinstance(v, bool)
            for k, v in settings.items()
        ):
            raise ValueError("kiosk settings are a few named whole numbers")
        self._set_meta_json(_KIOSK_SETTINGS_KEY, dict(settings))

    def list_households(self) -> list[HouseholdInfo]:
        """Every household, newest change first, without unlocking anything."""
        return self._households("")

    def consented_households(self) -> list[HouseholdInfo]:
        return self._households(
            "WHERE EXISTS (SELECT 1 FROM household_keys s"
            " WHERE s.household_id = h.id AND s.holder = ?)", STAFF)

    def kiosk_households(self) -> list[HouseholdInfo]:
        return self._households("WHERE h.kiosk")

    def _households(self, where: str, *params: object) -> list[HouseholdInfo]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT h.id, h.created, h.updated, h.kiosk, EXISTS("
                "  SELECT 1 FROM household_keys k WHERE k.household_id = h.id AND k.holder = ?)"
                f" FROM households h {where} ORDER BY h.updated DESC, h.id",
                (STAFF, *params),
            ).fetchall()
        return [
            HouseholdInfo(
                id=r[0],
                created=datetime.fromisoformat(r[1]),
                updated=datetime.fromisoformat(r[2]),
                kiosk=bool(r[3]),
                consent=bool(r[4]),
            )
            for r in rows
        ]
