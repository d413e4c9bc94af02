"""Putting a backup copy back, and setting a damaged data file aside: files moved, never lost.

A data file is three files while in use or after a crash: the file, its ``-wal`` (committed
changes not yet copied into it) and ``-shm``.  Copying a backup over the file alone leaves the
old ``-wal`` beside it, and SQLite then replays that journal onto the backup: the "restored"
store silently holds the newer data again.  So the whole set is moved aside together, under
one new name that still opens (``prepkit.sqlite3.replaced-20261130-101500`` with its own
``-wal``), and the copy is written in through SQLite's backup API.  Before anything moves,
the file's write lock is taken (refused while another prepkit holds it), which also folds a
crashed session's journal into the old file, so what is set aside is whole.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from prepkit.store import schema
from prepkit.store.core import Store
from prepkit.store.errors import (
    AlreadyOpen,
    CannotReadCopy,
    CannotWrite,
    DamagedCopy,
    DamagedFile,
    FileMissing,
    SameFile,
    StoreError,
    StoreFull,
)

SIDE_FILES = ("", "-wal", "-shm")


def _ensure_nobody_has_it(path: Path) -> None:
    """AlreadyOpen when another prepkit holds ``path``; a damaged or foreign file is fine."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=0)
    except sqlite3.Error:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY,
                                                       sqlite3.SQLITE_LOCKED):
            raise AlreadyOpen() from None
    finally:
        conn.close()


def set_aside(path: Path, reason: str, *, now: datetime | None = None) -> Path:
    """Move ``path`` and its -wal/-shm to ``<name>.<reason>-<time>``; returns the new path.

    Refused (AlreadyOpen) while another prepkit has the file open.  ``reason`` is a fixed
    word (``replaced``, ``damaged``), never anything typed."""
    _ensure_nobody_has_it(path)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{reason}-{stamp}")
    while any(aside.with_name(aside.name + s).exists() for s in SIDE_FILES):
        aside = path.with_name(f"{path.name}.{reason}-{stamp}-{secrets.token_hex(2)}")
    try:
        # The main file last: until it moves, a crash leaves the set where it was, whole.
        for suffix in ("-shm", "-wal", ""):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
    except OSError:
        raise CannotWrite() from None
    return aside


def restore_backup(copy: Path, target: Path, *, now: datetime | None = None) -> Path | None:
    """Make ``target`` the store in ``copy``; returns where the replaced file set went.

    The copy is checked before anything is made or moved (ours, whole, readable, not the
    target itself), so a bad copy changes nothing; a copy with a journal beside it (a whole
    folder copied from a laptop that crashed) is read with that journal, through a scratch
    copy, never changed itself.  A data file that is a link is restored where the link points.
    None is returned when there was no file at ``target`` to replace."""
    if not copy.is_file():
        raise FileMissing()
    target = Path(os.path.realpath(target))
    if target.exists() and os.path.samefile(copy, target):  # also a hard link, or a symlink
        raise SameFile()
    stands_alone = _checked(copy)
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        scratch = Path(tempfile.mkdtemp(prefix=".prepkit-restore-", dir=target.parent))
    except OSError as exc:
        raise _no_room_or_not_allowed(exc) from None
    try:
        source = copy if stands_alone else _folded(copy, scratch)
        return _put_in_place(source, target, now=now)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _checked(copy: Path) -> bool:
    """Whether ``copy`` stands alone (no journal to fold in); refuses what cannot be put back."""
    try:
        return schema.check_read_only(copy)
    except DamagedFile:
        raise DamagedCopy() from None
    except OSError:  # not allowed to read it, or the drive fails
        raise CannotReadCopy() from None


def _folded(copy: Path, scratch: Path) -> Path:
    """A scratch copy of ``copy`` with the journal beside it folded in."""
    folded = scratch / "copy.sqlite3"
    try:
        for suffix in ("", "-wal"):
            if copy.with_name(copy.name + suffix).exists():
                shutil.copyfile(copy.with_name(copy.name + suffix),
                                folded.with_name(folded.name + suffix))
    except PermissionError:
        raise CannotReadCopy() from None
    except OSError as exc:
        raise _no_room_or_not_allowed(exc) from None
    try:
        Store.open(folded, create=False).close()  # replays the journal, then checkpoints
        if not schema.check_read_only(folded):
            raise DamagedCopy()
    except DamagedFile:
        raise DamagedCopy() from None
    return folded


def _no_room_or_not_allowed(exc: OSError) -> StoreError:
    return StoreFull() if exc.errno == errno.ENOSPC else CannotWrite()


def _put_in_place(source: Path, target: Path, *, now: datetime | None) -> Path | None:
    # The copy is written beside the target first: if that fails, nothing has moved.
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.new")
    try:
        reader = sqlite3.connect(source.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        dest = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            reader.backup(dest)
            dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dest.close()
            reader.close()
        os.chmod(tmp, 0o600)
        aside = set_aside(target, "replaced", now=now) if target.exists() else None
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise (StoreFull() if exc.sqlite_errorcode == sqlite3.SQLITE_FULL
               else CannotWrite()) from None
    except OSError:
        raise CannotWrite() from None
    finally:
        for suffix in SIDE_FILES:
            tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
    Store.open(target, create=False).close()  # it opens (and is migrated) as the app will
    return aside
