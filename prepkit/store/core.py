"""The Store: opening the file, households, saving plans and their bounded history."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType

from sqlite_utils import Database

from prepkit import crypto, exchange
from prepkit.plan import Mode, Plan
from prepkit.store import schema
from prepkit.store.base import (
    FAMILY,
    Clock,
    aad,
    checksum,
    unwrap_with_passphrase,
    utc_now,
    wrap_with_passphrase,
)
from prepkit.store.cards import SearchCard, card_from_plan, open_cards, write_search_card
from prepkit.store.documents import DocumentsMixin
from prepkit.store.errors import (
    AlreadyOpen,
    CannotWrite,
    DamagedFile,
    FileMissing,
    HouseholdNotFound,
    NotAPrepkitFile,
    StoreError,
)
from prepkit.store.records import Change, Revision, Session, StaffKey
from prepkit.store.sharing import SharingMixin

# SQLite refuses a second connection of ours too, but this gives the same clear error at once
# and without touching the file.  Keyed by (device, inode): every path spelling of one file.
_open_files: set[tuple[int, int]] = set()
_open_lock = threading.Lock()


class Store(SharingMixin, DocumentsMixin):
    """One prepkit data file, open for this process.  See the package docstring for the API."""

    def __init__(
        self,
        path: Path,
        db: Database,
        clock: Clock,
        identity: tuple[int, int],
        revision_interval: float,
        max_revisions: int,
    ) -> None:
        super().__init__(path, db, clock)
        self._identity: tuple[int, int] | None = identity
        self.revision_interval = timedelta(seconds=revision_interval)
        self.max_revisions = max_revisions

    # --- opening and closing -------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        clock: Clock = utc_now,
        revision_interval: float = 60.0,
        max_revisions: int = 50,
    ) -> Store:
        path = Path(path)
        if not path.exists():
            if not create:
                raise FileMissing()
            schema.create_file(path)
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise FileMissing() from None
        except OSError:
            raise CannotWrite() from None
        if not path.is_file():
            raise NotAPrepkitFile()  # a folder, a device: nothing prepkit made
        identity = (stat.st_dev, stat.st_ino)
        with _open_lock:
            if identity in _open_files:
                raise AlreadyOpen()
            _open_files.add(identity)
        try:
            try:
                checked = schema.check_read_only(path)
            except PermissionError:  # the operating system will not let prepkit read it
                raise CannotWrite() from None
            except OSError:  # a disk that fails to read
                raise DamagedFile() from None
            db = schema.connect_exclusive(path, checked=checked)
            try:
                schema.migrate(db)
            except sqlite3.Error:
                db.close()
                raise DamagedFile() from None
        except BaseException:
            with _open_lock:
                _open_files.discard(identity)
            raise
        return cls(path, db, clock, identity, revision_interval, max_revisions)

    def close(self) -> None:
        """Checkpoint and close; the -wal file disappears.  Safe to call twice."""
        if self._identity is None:
            return
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # closing still checkpoints if it can; what is committed is safe in the WAL
        finally:
            self._db.close()
            with _open_lock:
                _open_files.discard(self._identity)
            self._identity = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- households ----------------------------------------------------------------------------

    def create_household(self, plan: Plan, passphrase: str, *, kiosk: bool = False) -> Session:
        """A new household with a random id and data key; its plan becomes revision 1."""
        if not passphrase:
            raise ValueError("the passphrase is empty")
        kiosk = kiosk or plan.mode == Mode.KIOSK
        household_id = secrets.token_hex(16)
        key = crypto.new_key()
        kdf, wrapped = wrap_with_passphrase(key, passphrase, aad("key", household_id, FAMILY))
        raw = self._plan_bytes(plan, kiosk)
        now = self._now()
        with self._write() as conn:
            conn.execute(
                "INSERT INTO households (id, created, updated, kiosk, revision)"
                " VALUES (?, ?, ?, ?, 1)",
                (household_id, now, now, int(kiosk)),
            )
            conn.execute(
                "INSERT INTO household_keys (household_id, holder, kdf, blob, checksum)"
                " VALUES (?, ?, ?, ?, ?)",
                (household_id, FAMILY, kdf, wrapped, checksum(wrapped)),
            )
            conn.execute(
                "INSERT INTO revisions (household_id, n, started, saved, blob)"
                " VALUES (?, 1, ?, ?, ?)",
                (household_id, now, now, crypto.seal(key, raw, aad("plan", household_id, 1))),
            )
            write_search_card(conn, key, household_id, plan)
        session = Session(household_id, key, kiosk=kiosk)
        session._seen = (1, hashlib.sha256(raw).digest())
        return session

    def unlock(self, household_id: str, passphrase: str) -> Session:
        """The family's way in.  Keys wrapped with weaker KDF settings than today's are
        rewrapped on the way (the file changes only then)."""
        _, kiosk = self._household_row(household_id)
        with self._read() as conn:
            row = conn.execute(
                "SELECT kdf, blob, checksum FROM household_keys"
                " WHERE household_id = ? AND holder = ?",
                (household_id, FAMILY),
            ).fetchone()
        if row is None:
            raise DamagedFile()
        associated = aad("key", household_id, FAMILY)
        key, weak = unwrap_with_passphrase(
            row[0], bytes(row[1]), bytes(row[2]), passphrase, associated
        )
        session = Session(household_id, key, kiosk=bool(kiosk))
        if weak:
            self._rewrap_family(session, passphrase)
        return session

    def change_passphrase(self, session: Session, new_passphrase: str) -> None:
        """Rewrap the data key; the old wrapped copy is scrubbed, so the old passphrase is dead."""
        if not new_passphrase:
            raise ValueError("the passphrase is empty")
        self._family_only(session)
        self._rewrap_family(session, new_passphrase)

    def _rewrap_family(self, session: Session, passphrase: str) -> None:
        associated = aad("key", session.household_id, FAMILY)
        kdf, wrapped = wrap_with_passphrase(session.key, passphrase, associated)
        with self._write() as conn:
            conn.execute(
                "UPDATE household_keys SET kdf = ?, blob = ?, checksum = ?"
                " WHERE household_id = ? AND holder = ?",
                (kdf, wrapped, checksum(wrapped), session.household_id, FAMILY),
            )
        self._scrub()

    def delete_household(self, household_id: str) -> None:
        """Delete every row of a household, then scrub: none of its bytes stay in the file."""
        with self._write() as conn:
            self._delete_rows(conn, household_id)
        if self.ui_state().get("household_id") == household_id:
            self.set_ui_state({})  # "where was I" must not point at a plan that is gone
        self._scrub()

    @staticmethod
    def _delete_rows(conn: sqlite3.Connection, household_id: str) -> None:
        for table in ("copies", "pdfs", "revisions", "search_cards", "household_keys"):
            conn.execute(f"DELETE FROM {table} WHERE household_id = ?", (household_id,))
        if conn.execute("DELETE FROM households WHERE id = ?", (household_id,)).rowcount != 1:
            raise HouseholdNotFound()

    def purge_stale_kiosk_households(
        self, older_than_days: float, now: datetime | None = None
    ) -> list[str]:
        """Delete kiosk plans not updated for ``older_than_days``; returns the deleted ids."""
        cutoff = (now or self._now_dt()) - timedelta(days=older_than_days)
        stale = [info.id for info in self.kiosk_households() if info.updated < cutoff]
        if stale:
            with self._write() as conn:
                for household_id in stale:
                    self._delete_rows(conn, household_id)
            self._scrub()
        return stale

    # --- the plan ------------------------------------------------------------------------------

    @staticmethod
    def _plan_bytes(plan: Plan, kiosk: bool) -> bytes:
        # A kiosk never stores the private section (PLAN-CONTENT.md): dropped here, whatever
        # the caller passed.
        return exchange.dumps(plan.without_private() if kiosk else plan)

    def _revision_blob(self, session: Session, n: int) -> bytes:
        key = session.key
        with self._read() as conn:
            row = conn.execute(
                "SELECT blob FROM revisions WHERE household_id = ? AND n = ?",
                (session.household_id, n),
            ).fetchone()
        if row is None:
            raise KeyError(n)
        try:
            return crypto.unseal(key, bytes(row[0]), aad("plan", session.household_id, n))
        except crypto.DecryptionError:
            raise DamagedFile() from None

    @staticmethod
    def _parse(raw: bytes) -> Plan:
        try:
            return exchange.loads_stored(raw)
        except exchange.PlanFileError:
            raise DamagedFile() from None

    def load(self, session: Session) -> Plan:
        revision, _ = self._household_row(session.household_id)
        raw = self._revision_blob(session, revision)
        session._seen = (revision, hashlib.sha256(raw).digest())
        return self._parse(raw)

    def load_revision(self, session: Session, n: int) -> Plan:
        """An earlier version; to undo, save what this returns."""
        self._household_row(session.household_id)
        return self._parse(self._revision_blob(session, n))

    def history(self, session: Session) -> list[Revision]:
        """Kept revisions, newest first (the first is the current plan)."""
        session.key  # noqa: B018 - a forgotten session sees nothing
        with self._read() as conn:
            rows = conn.execute(
                "SELECT n, started, saved FROM revisions WHERE household_id = ? ORDER BY n DESC",
                (session.household_id,),
            ).fetchall()
        return [
            Revision(r[0], datetime.fromisoformat(r[1]), datetime.fromisoformat(r[2])) for r in rows
        ]

    def restore(self, session: Session, n: int) -> Plan:
        """Undo: revision ``n`` becomes the newest, in a slot of its own, and is returned.

        A slot of its own, whatever ``revision_interval`` says, so the version it replaces
        stays in the history: going back can itself be undone.
        """
        plan = self.load_revision(session, n)
        self._save(session, plan, new_slot=True)
        return plan

    def save(self, session: Session, plan: Plan) -> Change:
        """Save the plan in one transaction.  Identical content writes nothing.

        Cheap enough for every keystroke: no key derivation, one AES-GCM seal, one or two row
        writes.  A new history slot opens at most every ``revision_interval``; in between, the
        newest slot is overwritten.
        """
        return self._save(session, plan, new_slot=False)

    def _save(self, session: Session, plan: Plan, *, new_slot: bool) -> Change:
        key = self._writable(session)
        household_id = session.household_id
        revision, kiosk = self._household_row(household_id)
        raw = self._plan_bytes(plan, bool(kiosk))
        digest = hashlib.sha256(raw).digest()
        if session._seen is None or session._seen[0] != revision:
            # Another session (or none yet) saw the current revision: compare with it.
            current = self._revision_blob(session, revision)
            session._seen = (revision, hashlib.sha256(current).digest())
        if session._seen[1] == digest:
            return Change(household_id, revision, content_changed=False)
        now_dt = self._now_dt()
        now = now_dt.isoformat()
        new = revision + 1
        blob = crypto.seal(key, raw, aad("plan", household_id, new))
        with self._write() as conn:
            (started,) = conn.execute(
                "SELECT started FROM revisions WHERE household_id = ? AND n = ?",
                (household_id, revision),
            ).fetchone()
            young = not new_slot and (
                now_dt - datetime.fromisoformat(started) < self.revision_interval)
            if young:
                conn.execute(
                    "UPDATE revisions SET n = ?, saved = ?, blob = ?"
                    " WHERE household_id = ? AND n = ?",
                    (new, now, blob, household_id, revision),
                )
            else:
                conn.execute(
                    "INSERT INTO revisions (household_id, n, started, saved, blob)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (household_id, new, now, now, blob),
                )
                conn.execute(
                    "DELETE FROM revisions WHERE household_id = ? AND n NOT IN"
                    " (SELECT n FROM revisions WHERE household_id = ? ORDER BY n DESC LIMIT ?)",
                    (household_id, household_id, self.max_revisions),
                )
            conn.execute(
                "UPDATE households SET revision = ?, updated = ? WHERE id = ?",
                (new, now, household_id),
            )
            write_search_card(conn, key, household_id, plan)
        session._seen = (new, digest)
        return Change(household_id, new, content_changed=True)

    # --- the counselor's search ----------------------------------------------------------------

    def search_cards(self, staff: StaffKey) -> list[SearchCard]:
        """Names of every consenting family, for the counselor's search (decrypted in memory)."""
        households = self.consented_households()
        with self._read() as conn:
            cards = open_cards(conn, staff, households)
        # A plan last saved before cards existed (schema 1) has none yet: read the plan itself.
        carded = {card.household.id for card in cards}
        for info in households:
            if info.id not in carded:
                try:
                    session = self.unlock_as_staff(info.id, staff)
                    cards.append(card_from_plan(info, self.load(session)))
                    session.forget()
                except StoreError:
                    continue  # damaged beyond reading: the desk lists every family it can
        return cards

    # --- backup --------------------------------------------------------------------------------

    def backup(self, dest_path: str | os.PathLike[str]) -> Path:
        """A consistent copy through SQLite's backup API; it opens and unlocks like this one.

        Written beside the destination first and moved into place, so a failed backup never
        leaves half a file under the chosen name.
        """
        dest = Path(dest_path)
        if dest.exists() and dest.resolve() == self.path.resolve():
            raise ValueError("a backup cannot replace the file it copies")
        tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(6)}.new")
        try:
            target = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                with self._read() as conn:
                    conn.backup(target)
                target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                target.close()
            os.replace(tmp, dest)
        except sqlite3.Error as exc:
            translated = self._translate(exc)
            if translated is exc:
                raise
            raise translated from None
        finally:
            for suffix in ("", "-wal", "-shm"):
                tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
        return dest

    # --- where the user was -------------------------------------------------------------------

    _UI_STATE_KEY = "ui_state"
    _UI_STATE_MAX = 4096

    def ui_state(self) -> dict[str, str | int | bool]:
        """The app's resume hint (step, opaque ids, text size): kept in this file, not beside it.

        Holds nothing a person typed; the app writes none at a kiosk.  A damaged value is not
        worth an error: the app simply starts at the start page.
        """
        value = self._meta_json(self._UI_STATE_KEY)
        return {k: v for k, v in value.items() if isinstance(v, str | int | bool)}

    def set_ui_state(self, state: dict[str, str | int | bool]) -> None:
        if len(json.dumps(state)) > self._UI_STATE_MAX:
            raise ValueError("the resume hint is for a few small values only")
        self._set_meta_json(self._UI_STATE_KEY, dict(state))
