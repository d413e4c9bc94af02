"""What every part of the store shares: the connection, the clock, transactions and sessions."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from prepkit import crypto
from prepkit.store import schema
from prepkit.store.errors import (
    DamagedFile,
    HouseholdNotFound,
    ReadOnlySession,
    StoreError,
    StoreFull,
    WrongPassphrase,
)
from prepkit.store.records import Session

Clock = Callable[[], datetime]

FAMILY = "family"
STAFF = "staff"


def utc_now() -> datetime:
    return datetime.now(UTC)


def aad(kind: str, household_id: str, *extra: object) -> bytes:
    """Associated data binding a blob to its household and row kind: rows cannot be swapped."""
    return "|".join(["prepkit/1", kind, household_id, *(str(x) for x in extra)]).encode()


def checksum(blob: bytes) -> bytes:
    """Lets a damaged wrapped key be told apart from a wrong passphrase (GCM cannot)."""
    return hashlib.sha256(blob).digest()[:16]


def wrap_with_passphrase(secret: bytes, passphrase: str, associated: bytes) -> tuple[str, bytes]:
    kdf = crypto.DEFAULT_KDF.with_new_salt()
    blob = crypto.seal(crypto.derive_key(passphrase, kdf), secret, associated)
    return json.dumps(kdf.to_json()), blob


def unwrap_with_passphrase(
    kdf_json: str, blob: bytes, check: bytes, passphrase: str, associated: bytes
) -> tuple[bytes, bool]:
    """(secret, whether its KDF parameters are below today's default and want a rewrap)."""
    if checksum(blob) != check:
        raise DamagedFile()
    try:
        kdf = crypto.KdfParams.from_json(json.loads(kdf_json))
    except (ValueError, KeyError, TypeError):
        raise DamagedFile() from None
    try:
        secret = crypto.unseal(crypto.derive_key(passphrase, kdf), blob, associated)
    except crypto.DecryptionError:
        raise WrongPassphrase() from None
    return secret, crypto.is_weaker(kdf, crypto.DEFAULT_KDF)


class StoreBase:
    def __init__(self, path: Path, db: Database, clock: Clock) -> None:
        self.path = path
        self._db = db
        self._clock = clock

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._db.conn

    def _now_dt(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the store's clock must return aware (UTC) datetimes")
        return now.astimezone(UTC)

    def _now(self) -> str:
        return self._now_dt().isoformat()

    # --- transactions and errors ---------------------------------------------------------------

    def _translate(self, exc: sqlite3.Error) -> BaseException:
        code = getattr(exc, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL:
            return StoreFull()
        if schema.is_damage(exc):
            return DamagedFile()
        return exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; on any failure nothing of it remains (disk full included)."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            translated = self._translate(exc)
            if translated is exc:
                raise
            raise translated from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._conn
        except sqlite3.Error as exc:
            translated = self._translate(exc)
            if translated is exc:
                raise
            raise translated from None

    def _scrub(self) -> None:
        """Push the WAL into the file and empty it, so deleted rows' old pages leave the disk.

        secure_delete zeroes deleted content in the main file, but earlier page images stay in
        the WAL until a checkpoint; TRUNCATE also shrinks the WAL file to nothing.
        """
        with self._read() as conn:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:  # cannot happen with our exclusive lock; refuse to claim the data is gone
            raise StoreError()

    # --- sessions ------------------------------------------------------------------------------

    def _household_row(self, household_id: str) -> tuple[int, int]:
        with self._read() as conn:
            row = conn.execute(
                "SELECT revision, kiosk FROM households WHERE id = ?", (household_id,)
            ).fetchone()
        if row is None:
            raise HouseholdNotFound()
        return int(row[0]), int(row[1])

    def _writable(self, session: Session) -> bytes:
        if session.read_only:
            raise ReadOnlySession()
        return session.key  # raises SessionLocked once forgotten

    # --- small settings kept in the meta table ---------------------------------------------------

    def _meta_json(self, key: str) -> dict[str, object]:
        """A JSON object kept under ``key``; a missing or damaged one is simply empty."""
        with self._read() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        try:
            value = json.loads(row[0]) if row else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def _set_meta_json(self, key: str, value: dict[str, object]) -> None:
        with self._write() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                         (key, json.dumps(value, sort_keys=True)))
