"""The file format: schema (through sqlite-utils ``Migrations``), and how a file is opened.

Opening is careful because the file might not be ours.  Anything that is not a healthy prepkit
file of a version we understand is refused *before* a writable connection exists, by reading the
raw header and then looking through a read-only connection, so a wrong or damaged file is never
changed (not even a -wal or -shm file appears beside it).  Only then is the file opened for
writing, in SQLite's exclusive locking mode, which is also how a second prepkit on the same file
is refused.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path

from sqlite_utils import Database, Migrations

from prepkit.store.errors import (
    AlreadyOpen,
    CannotCreate,
    CannotWrite,
    DamagedFile,
    DiskFullAtOpen,
    NewerVersion,
    NotAPrepkitFile,
)

#: "PrKt": tells our files from every other SQLite database (offset 68 of the header).
APPLICATION_ID = 0x50724B74
#: Also kept in the header (PRAGMA user_version) so it can be read without a query.
SCHEMA_VERSION = 2

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
_BUSY_MS = 200

migrations = Migrations("prepkit")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    # Rule for every column: ids, timestamps, flags, kinds and language codes only.  Anything a
    # person typed lives inside an encrypted blob.
    db.table("meta").create({"key": str, "value": str}, pk="key", not_null={"value"})
    db.table("households").create(
        {"id": str, "created": str, "updated": str, "kiosk": int, "revision": int},
        pk="id",
        not_null={"created", "updated", "kiosk", "revision"},
    )
    # The data key, wrapped once per holder: "family" (passphrase, Argon2id) and, only with the
    # family's consent, "staff" (to the staff public key).  kdf: JSON KdfParams incl. salt.
    db.table("household_keys").create(
        {"household_id": str, "holder": str, "kdf": str, "blob": bytes, "checksum": bytes},
        pk=("household_id", "holder"),
        not_null={"kdf", "blob", "checksum"},
        foreign_keys=[("household_id", "households", "id")],
    )
    # Bounded history: the newest row is the current plan.
    db.table("revisions").create(
        {"household_id": str, "n": int, "started": str, "saved": str, "blob": bytes},
        pk=("household_id", "n"),
        not_null={"started", "saved", "blob"},
        foreign_keys=[("household_id", "households", "id")],
    )
    db.table("pdfs").create(
        {
            "id": str,
            "household_id": str,
            "document": str,
            "language": str,
            "created": str,
            "size": int,
            "blob": bytes,
        },
        pk="id",
        not_null={"household_id", "document", "language", "created", "size", "blob"},
        foreign_keys=[("household_id", "households", "id")],
    )
    db.table("pdfs").create_index(["household_id"])
    db.table("copies").create(
        {
            "id": str,
            "household_id": str,
            "at": str,
            "document": str,
            "language": str,
            "action": str,
            "for_whom": bytes,
        },
        pk="id",
        not_null={"household_id", "at", "document", "language", "action", "for_whom"},
        foreign_keys=[("household_id", "households", "id")],
    )
    db.table("copies").create_index(["household_id", "at"])
    # One row at most: the staff key pair, public half in clear, private half wrapped.
    db.table("staff_key").create(
        {
            "id": int,
            "public_key": bytes,
            "kdf": str,
            "wrapped_private": bytes,
            "checksum": bytes,
            "created": str,
        },
        pk="id",
        not_null={"public_key", "kdf", "wrapped_private", "checksum", "created"},
    )
    db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_search_cards")
def _search_cards(db: Database) -> None:
    # The names a counselor searches by, encrypted under each household's own data key: the
    # desk then decrypts a few dozen bytes per family instead of every whole plan.
    db.table("search_cards").create(
        {"household_id": str, "blob": bytes},
        pk="household_id",
        not_null={"blob"},
        foreign_keys=[("household_id", "households", "id")],
    )
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.execute("PRAGMA user_version = 2")


def _connect_ro(path: Path, *, immutable: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=_BUSY_MS / 1000)
    if not immutable:
        # Without shared memory: a read-only look must not create a -shm file.
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    return conn


_NOT_ALLOWED = (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM)
_NO_ROOM = (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR_SHMSIZE)  # SHMSIZE: no room for -shm


def _is_busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def is_damage(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def check_header(path: Path) -> None:
    """Refuse what is plainly not ours (or plainly cut short) from the raw bytes alone."""
    with path.open("rb") as fh:
        header = fh.read(HEADER_BYTES)
    size = path.stat().st_size
    if not header.startswith(SQLITE_MAGIC):
        raise NotAPrepkitFile()
    if len(header) < HEADER_BYTES:
        raise DamagedFile()
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise NotAPrepkitFile()
    (raw_page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DamagedFile()
    wal = wal_path(path)
    if wal.exists() and wal.stat().st_size:
        return  # newer pages may live in the WAL: the size checks below would be premature
    (pages,) = struct.unpack(">I", header[28:32])
    if size % page_size or size < pages * page_size:
        raise DamagedFile()


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _check_connection(conn: sqlite3.Connection) -> None:
    (application_id,) = conn.execute("PRAGMA application_id").fetchone()
    if application_id != APPLICATION_ID:
        raise NotAPrepkitFile()
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise NewerVersion()
    if version < 1:
        raise DamagedFile()
    if [row[0] for row in conn.execute("PRAGMA quick_check")] != ["ok"]:
        raise DamagedFile()


def check_read_only(path: Path) -> bool:
    """Look at the file without being able to change it.

    Returns False when the look was not possible because a crash left a journal (WAL) that
    needs recovering first; the caller then checks on the writable connection before writing.
    """
    check_header(path)
    wal = wal_path(path)
    # No WAL: the main file is the whole truth and "immutable" reads it with no locks and no
    # side files.  With a WAL, only a locking look is honest (and detects another prepkit).
    immutable = not wal.exists()
    try:
        conn = _connect_ro(path, immutable=immutable)
    except sqlite3.Error:
        raise DamagedFile() from None
    try:
        _check_connection(conn)
    except sqlite3.Error as exc:
        if _is_busy(exc):
            raise AlreadyOpen() from None
        if is_damage(exc):
            raise DamagedFile() from None
        if not immutable:
            return False
        raise DamagedFile() from None
    finally:
        conn.close()
    return True


def connect_exclusive(path: Path, *, checked: bool) -> Database:
    """The one writable connection, holding the file for this process until it is closed."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=_BUSY_MS / 1000)
    try:
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        # Take the write lock now (exclusive mode keeps it), so a second prepkit is refused at
        # open time rather than at its first save.
        conn.execute("BEGIN IMMEDIATE")
        if not checked:
            _check_connection(conn)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.close()
        if _is_busy(exc):
            raise AlreadyOpen() from None
        if getattr(exc, "sqlite_errorcode", None) in _NOT_ALLOWED:
            raise CannotWrite() from None
        if getattr(exc, "sqlite_errorcode", None) in _NO_ROOM:
            raise DiskFullAtOpen() from None
        raise DamagedFile() from None
    except BaseException:
        conn.close()
        raise
    # Per-connection settings: zero deleted content; durable on crash, cheap on every keystroke
    # (NORMAL in WAL mode can lose the last commits on power loss, never consistency).
    for pragma in (
        "secure_delete=ON",
        "foreign_keys=ON",
        "synchronous=NORMAL",
        "journal_size_limit=1048576",
    ):
        conn.execute(f"PRAGMA {pragma}")
    return Database(conn, execute_plugins=False)


def create_file(path: Path) -> None:
    """A new, fully migrated file appears at ``path`` at once, or not at all.

    A full disk or a folder prepkit may not write in raises ``CannotCreate``, a message for
    people, rather than the operating system's or SQLite's error."""
    try:
        _create_file(path)
    except (sqlite3.Error, OSError):
        raise CannotCreate() from None


def _create_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.new")
    try:
        conn = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            os.chmod(tmp, 0o600)  # the plans are encrypted; still nobody else's business
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA journal_mode=WAL")
            migrations.apply(Database(conn, execute_plugins=False))
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        try:
            os.link(tmp, path)  # never replaces a file that appeared meanwhile
        except FileExistsError:
            pass
        except OSError:  # file systems without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)


def migrate(db: Database) -> None:
    """Bring an older file up to date, one recorded migration at a time."""
    (version,) = db.execute("PRAGMA user_version").fetchone()
    if version < SCHEMA_VERSION:
        migrations.apply(db)
