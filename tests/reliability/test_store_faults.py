"""The store under faults: killed mid-save, disk full, bad files, and restoring a backup."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from prepkit.plan import Plan
from prepkit.store import (
    DamagedFile,
    NewerVersion,
    NotAPrepkitFile,
    Store,
    StoreError,
    StoreFull,
)
from tests.test_store import MARKERS, PASS, PYTHON, REPO, encodings, marked_plan, raw_bytes

# --- killed while saving ---------------------------------------------------------------------

CHILD = """
import os, sys
from prepkit import crypto
crypto.DEFAULT_KDF = crypto.KdfParams(time_cost=1, memory_kib=8)
from prepkit.plan import Child, Parent, Plan
from prepkit.store import Store

path, household_id, passphrase, counter = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = Store.open(path, create=False, revision_interval=0)  # every save a new history row
session = store.unlock(household_id, passphrase)
print("ready", flush=True)
while True:
    counter += 1
    plan = Plan(
        parents=[Parent(id="p", name="Parent %d" % counter)],
        children=[Child(id="c%d" % i, routines=os.urandom(300).hex()) for i in range(4)],
        code_word="counter-%d" % counter,
    )
    store.save(session, plan)
    if counter % 7 == 0:
        store.put_pdf(session, "family_plan", "en", os.urandom(30_000))
    print(counter, flush=True)  # only once save() has returned
"""


def test_killed_while_saving_loses_nothing_that_was_reported(tmp_path: Path) -> None:
    path = tmp_path / "prepkit.sqlite3"
    with Store.open(path) as store:
        household_id = store.create_household(Plan(code_word="counter-0"), PASS).household_id
    rng = random.Random(20260301)
    counter = 0
    exact = 0
    for _ in range(14):
        child = subprocess.Popen(
            [PYTHON, "-c", CHILD, str(path), household_id, PASS, str(counter)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr
        os.kill(child.pid, 0)
        # Random moments: some kills land mid-transaction, some between saves.
        time.sleep(rng.uniform(0.005, 0.12))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        reported = [int(line) for line in out.split()]
        last = reported[-1] if reported else counter

        with Store.open(path, create=False) as store:
            assert store._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            session = store.unlock(household_id, PASS)
            saved = int(store.load(session).code_word.removeprefix("counter-"))
            for pdf in store.list_pdfs(session):
                assert len(store.get_pdf(session, pdf.id)) == 30_000
            assert len(store.history(session)) <= 50
        # The kill can fall after a save committed and before its number was printed; then
        # the file holds exactly one more save than reported, never less and never a mix.
        assert saved in (last, last + 1)
        exact += saved == last
        counter = saved
    assert counter > 14  # the children really saved
    assert exact >= 1


# --- disk full ------------------------------------------------------------------------------


_NOISE = [os.urandom(8000).hex() for _ in range(3)]  # incompressible: needs many new pages


def _big_plan() -> Plan:
    plan = marked_plan(counter=2)
    for child, noise in zip(plan.children, _NOISE, strict=True):
        child.routines = noise
    return plan


def test_disk_full_during_save(tmp_path: Path) -> None:
    path = tmp_path / "prepkit.sqlite3"
    with Store.open(path) as store:
        session = store.create_household(marked_plan(counter=1), PASS)
        conn = store._conn
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}")  # as if the disk were full now

        with pytest.raises(StoreFull) as caught:
            store.save(session, _big_plan())
        assert "disk is full" in str(caught.value)
        assert "safe" in str(caught.value)
        assert store.load(session) == marked_plan(counter=1)
        assert [r.number for r in store.history(session)] == [1]
        with pytest.raises(StoreFull):
            store.put_pdf(session, "family_plan", "en", os.urandom(100_000))
        assert store.list_pdfs(session) == []
        with pytest.raises(StoreFull):
            store.create_household(_big_plan(), PASS)
        assert len(store.list_households()) == 1

        conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
        change = store.save(session, _big_plan())
        assert change.content_changed and change.revision == 2
    with Store.open(path, create=False) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert store.load(store.unlock(session.household_id, PASS)) == _big_plan()


# --- files that are not (healthy) prepkit stores --------------------------------------------


def _ours(path: Path) -> str:
    with Store.open(path) as store:
        session = store.create_household(marked_plan(), PASS)
        store.put_pdf(session, "family_plan", "en", os.urandom(400_000))
        store.log_copy(session, "family_plan", "en", "print", "caregiver")
        return session.household_id


def _use_everything(path: Path, household_id: str) -> None:
    with Store.open(path, create=False) as store:
        session = store.unlock(household_id, PASS)
        store.load(session)
        for pdf in store.list_pdfs(session):
            store.get_pdf(session, pdf.id)
        store.copies(session)


def _other_sqlite(path: Path, wal: bool) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()


NOT_OURS: dict[str, Callable[[Path], None]] = {
    "text": lambda p: p.write_text("milk\neggs\nbread\n"),
    "png": lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(500)),
    "random": lambda p: p.write_bytes(os.urandom(8192)),
    "empty": lambda p: p.write_bytes(b""),
    "other sqlite": lambda p: _other_sqlite(p, wal=False),
    "other sqlite in wal mode": lambda p: _other_sqlite(p, wal=True),
}


def _side_files(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


@pytest.mark.parametrize("kind", list(NOT_OURS))
def test_files_that_are_not_ours_are_refused_untouched(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "prepkit.sqlite3"
    NOT_OURS[kind](path)
    before = path.read_bytes()
    with pytest.raises(NotAPrepkitFile) as caught:
        Store.open(path)
    assert "not a prepkit plan file" in str(caught.value)
    assert path.read_bytes() == before
    assert _side_files(path) == []


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    for i in range(middle, middle + 2048):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))


def _wreck_a_table_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 64] = b"\xff" * 64  # page 2: a b-tree page header and cell pointers
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_truncate, _flip_middle, _wreck_a_table_page])
def test_damaged_files_are_refused_untouched(tmp_path: Path, damage: Callable) -> None:
    path = tmp_path / "prepkit.sqlite3"
    household_id = _ours(path)
    damage(path)
    before = path.read_bytes()
    with pytest.raises(DamagedFile) as caught:
        _use_everything(path, household_id)
    assert "damaged" in str(caught.value)
    assert path.read_bytes() == before
    assert _side_files(path) == []


def test_a_file_from_a_newer_prepkit_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "prepkit.sqlite3"
    _ours(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerVersion) as caught:
        Store.open(path)
    assert "newer version" in str(caught.value)
    assert path.read_bytes() == before
    assert _side_files(path) == []


def test_every_store_error_has_a_plain_message() -> None:
    import prepkit.store.errors as errors

    classes = [
        c
        for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, StoreError) and c is not StoreError
    ]
    assert len(classes) >= 10
    for cls in classes:
        text = str(cls())
        assert text.endswith(".") and "sqlite" not in text.lower(), cls


# --- backup ---------------------------------------------------------------------------------


def test_backup_restores_an_equal_store(tmp_path: Path) -> None:
    path = tmp_path / "prepkit.sqlite3"
    dest = tmp_path / "usb" / "backup.sqlite3"
    dest.parent.mkdir()
    with Store.open(path, revision_interval=0) as store:
        store.set_staff_passphrase("staff pass")
        family = store.create_household(marked_plan(counter=1), PASS)
        for i in range(2, 5):
            store.save(family, marked_plan(counter=i))
        store.grant_consent(family)
        kiosk = store.create_household(marked_plan("-k"), "kiosk pass", kiosk=True)
        pdf = os.urandom(50_000)
        store.put_pdf(family, "caregiver_packet", "es+en", pdf)
        store.log_copy(family, "caregiver_packet", "es+en", "print", "Tía Rosa")
        store.backup(dest)  # while open, with recent changes still in the WAL
        expected = (
            store.list_households(),
            store.history(family),
            store.list_pdfs(family),
            store.copies(family),
        )
        store.save(family, marked_plan(counter=5))  # after the backup: not in it
    assert not Path(f"{dest}-wal").exists()
    data = raw_bytes(dest)
    for marker in [*MARKERS, PASS]:
        for needle in encodings(marker):
            assert needle not in data
    with Store.open(dest, create=False) as copy:
        assert copy._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        session = copy.unlock(family.household_id, PASS)
        assert copy.load(session) == marked_plan(counter=4)
        assert (
            copy.list_households(),
            copy.history(session),
            copy.list_pdfs(session),
            copy.copies(session),
        ) == expected
        assert copy.get_pdf(session, expected[2][0].id) == pdf
        assert copy.load_revision(session, 2) == marked_plan(counter=2)
        staff = copy.unlock_staff("staff pass")
        assert copy.load(copy.unlock_as_staff(family.household_id, staff)) == marked_plan(counter=4)
        assert copy.load(copy.unlock(kiosk.household_id, "kiosk pass")) == marked_plan("-k")
        assert copy.save(session, marked_plan(counter=9)).content_changed  # a working store
    with Store.open(path, create=False) as store:
        assert store.load(store.unlock(family.household_id, PASS)) == marked_plan(counter=5)


def _fingerprint(path: Path) -> dict[str, bytes | None]:
    return {s: (p.read_bytes() if p.exists() else None)
            for s, p in ((s, path.with_name(path.name + s)) for s in ("", "-wal", "-shm"))}


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from prepkit import cli

    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _crashed_session(path: Path, household_id: str) -> int:
    """A later session saving until it is killed; returns the last save it reported."""
    child = subprocess.Popen([PYTHON, "-c", CHILD, str(path), household_id, PASS, "100"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=REPO)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready", child.stderr
    for _ in range(5):  # a few saves reported: they sit in the -wal the kill leaves behind
        child.stdout.readline()
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    return int(out.split()[-1]) if out.split() else 104


def test_restoring_a_backup_after_a_crash_ignores_the_crashed_journal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Copying a backup over the file alone let SQLite replay the old -wal onto it."""
    path = tmp_path / "prepkit.sqlite3"
    copy = tmp_path / "usb" / "backup.sqlite3"
    copy.parent.mkdir()
    with Store.open(path) as store:
        household_id = store.create_household(Plan(code_word="counter-1"), PASS).household_id
        store.backup(copy)
    last = _crashed_session(path, household_id)
    assert Path(f"{path}-wal").stat().st_size > 0  # the journal a crash leaves

    code, out, err = _cli(capsys, "--db", str(path), "restore-backup", str(copy))
    assert code == 0, err
    assert f"The data file is back as it was in {copy}." in out
    with Store.open(path, create=False) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert [h.id for h in store.list_households()] == [household_id]
        assert store.load(store.unlock(household_id, PASS)).code_word == "counter-1"
    # Nothing lost: the crashed session's work is in the file set aside, which still opens.
    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith("prepkit.sqlite3.replaced-")
                and not p.name.endswith(("-wal", "-shm"))]
    assert f"The file it replaced was kept as {aside}." in out
    with Store.open(aside, create=False) as old:
        saved = int(old.load(old.unlock(household_id, PASS)).code_word.removeprefix("counter-"))
        assert saved in (last, last + 1) and saved > 100


def test_a_backup_is_not_restored_over_a_file_in_use_or_from_a_bad_copy(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "prepkit.sqlite3"
    copy = tmp_path / "backup.sqlite3"
    with Store.open(path) as store:
        store.create_household(Plan(code_word="counter-1"), PASS)
        store.backup(copy)
    before = _fingerprint(path)
    with Store.open(path, create=False):  # the app has it open
        code, _, err = _cli(capsys, "--db", str(path), "restore-backup", str(copy))
        assert code == 1 and "already open in another prepkit window" in err
    assert _fingerprint(path) == before
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(5000))
    for bad, says in ((photo, "not a prepkit plan file"), (tmp_path / "nothing.sqlite3",
                                                           "There is no prepkit plan file here"),
                      (path, "not a backup copy of it")):
        code, _, err = _cli(capsys, "--db", str(path), "restore-backup", str(bad))
        assert code == 1 and says in err, err
        assert "Traceback" not in err
    assert _fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3", "photo.jpg",
                                                          "prepkit.sqlite3"]


def test_restoring_a_backup_where_there_is_no_data_file_yet(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "backup.sqlite3"
    with Store.open(tmp_path / "old.sqlite3") as store:
        household_id = store.create_household(Plan(code_word="kept"), PASS).household_id
        store.backup(copy)
    new_home = tmp_path / "new computer" / "prepkit.sqlite3"
    code, out, err = _cli(capsys, "--db", str(new_home), "restore-backup", str(copy))
    assert code == 0 and "kept as" not in out, err
    with Store.open(new_home, create=False) as store:
        assert store.load(store.unlock(household_id, PASS)).code_word == "kept"


def test_a_new_data_file_on_a_full_disk_is_a_message(tmp_path: Path, monkeypatch) -> None:
    from prepkit.store import CannotCreate, schema

    def no_room(path: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(schema.sqlite3, "connect", no_room)
    with pytest.raises(CannotCreate) as caught:
        Store.open(tmp_path / "prepkit.sqlite3")
    assert "disk may be full" in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # nothing half-made left behind
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.undo()
    with pytest.raises(CannotCreate):
        Store.open(blocked / "prepkit.sqlite3")  # a folder that cannot be made


def test_a_full_disk_at_open_is_not_called_damage(tmp_path: Path, monkeypatch) -> None:
    from prepkit.store import DiskFullAtOpen, schema

    path = tmp_path / "prepkit.sqlite3"
    with Store.open(path) as store:
        store.create_household(Plan(code_word="kept"), PASS)
    real_connect = sqlite3.connect

    class NoRoomForTheJournal:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self.conn = conn

        def execute(self, sql: str, *args: object) -> object:
            if sql == "BEGIN IMMEDIATE":
                error = sqlite3.OperationalError("database or disk is full")
                error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
                raise error
            return self.conn.execute(sql, *args)

        def close(self) -> None:
            self.conn.close()

    def connect(*args: object, **kwargs: object) -> object:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        return conn if kwargs.get("uri") else NoRoomForTheJournal(conn)

    before = _fingerprint(path)
    monkeypatch.setattr(schema.sqlite3, "connect", connect)
    with pytest.raises(DiskFullAtOpen) as caught:
        Store.open(path, create=False)
    assert "disk is full" in str(caught.value) and "damaged" not in str(caught.value)
    monkeypatch.undo()
    assert _fingerprint(path) == before


def test_a_copied_folder_of_a_crashed_laptop_restores_with_its_journal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A whole folder copied after a crash holds the file and its -wal: the copy is read with
    its journal (the newest saves) and is itself left as it was."""
    laptop = tmp_path / "laptop" / "prepkit.sqlite3"
    with Store.open(laptop) as store:
        household_id = store.create_household(Plan(code_word="counter-1"), PASS).household_id
    last = _crashed_session(laptop, household_id)
    usb = tmp_path / "usb"
    usb.mkdir()
    for suffix in ("", "-wal"):
        (usb / f"prepkit.sqlite3{suffix}").write_bytes(Path(f"{laptop}{suffix}").read_bytes())
    copy = usb / "prepkit.sqlite3"
    copied = _fingerprint(copy)
    target = tmp_path / "new laptop" / "prepkit.sqlite3"
    code, _, err = _cli(capsys, "--db", str(target), "restore-backup", str(copy))
    assert code == 0, err
    with Store.open(target, create=False) as store:
        saved = int(store.load(store.unlock(household_id, PASS)).code_word.removeprefix(
            "counter-"))
    assert saved in (last, last + 1)  # the journal's saves, not the file's first version
    assert _fingerprint(copy) == copied  # the backup itself untouched
    assert sorted(p.name for p in target.parent.iterdir()) == ["prepkit.sqlite3"]  # no scratch


def test_restore_backup_refusals_say_what_is_wrong_and_change_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "prepkit.sqlite3"
    with Store.open(path) as store:
        store.create_household(Plan(code_word="counter-1"), PASS)
        store.backup(tmp_path / "backup.sqlite3")
    before = _fingerprint(path)
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes((tmp_path / "backup.sqlite3").read_bytes()[:6000])
    linked = tmp_path / "linked.sqlite3"
    os.link(path, linked)
    for copy, says in ((cut, "backup copy is damaged or incomplete"),
                       (linked, "not a backup copy of it")):
        code, _, err = _cli(capsys, "--db", str(path), "restore-backup", str(copy))
        assert code == 1 and says in err and "Traceback" not in err, err
        assert "The data file was not changed" in err or copy is linked
    assert _fingerprint(path) == before
    assert not [p for p in tmp_path.iterdir() if "replaced" in p.name or "restore" in p.name]
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    code, _, err = _cli(capsys, "--db", str(blocked / "prepkit.sqlite3"), "restore-backup",
                        str(tmp_path / "backup.sqlite3"))
    assert code == 1 and "not allowed to change" in err and "FileExistsError" not in err, err


def test_a_folder_or_an_unreadable_file_as_the_data_file_is_a_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from prepkit.store import CannotWrite, schema

    folder = tmp_path / "prepkit.sqlite3"
    folder.mkdir()
    with pytest.raises(NotAPrepkitFile):
        Store.open(folder)
    path = tmp_path / "ours.sqlite3"
    with Store.open(path):
        pass

    def not_allowed(_path: Path) -> None:
        raise PermissionError(13, "Permission denied")  # what a file of another user gives

    monkeypatch.setattr(schema, "check_header", not_allowed)
    with pytest.raises(CannotWrite):
        Store.open(path)


def test_a_refused_copy_makes_no_folder_and_an_unreadable_one_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from prepkit.store import schema

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    target = tmp_path / "new" / "deeper" / "prepkit.sqlite3"
    code, _, err = _cli(capsys, "--db", str(target), "restore-backup", str(junk))
    assert code == 1 and "not a prepkit plan file" in err
    assert not (tmp_path / "new").exists()  # nothing made for a copy that is refused

    with Store.open(tmp_path / "good.sqlite3") as store:
        store.backup(tmp_path / "backup.sqlite3")
    real_check = schema.check_read_only

    def unreadable(path: Path) -> bool:
        if path.name == "backup.sqlite3":
            raise PermissionError(13, "Permission denied")
        return real_check(path)

    monkeypatch.setattr(schema, "check_read_only", unreadable)
    code, _, err = _cli(capsys, "--db", str(target), "restore-backup",
                        str(tmp_path / "backup.sqlite3"))
    assert code == 1 and "cannot read this backup copy" in err and "not changed" in err, err
    assert not (tmp_path / "new").exists()


def test_a_linked_data_file_is_restored_where_the_link_points(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    vault = tmp_path / "encrypted volume"
    vault.mkdir()
    real = vault / "prepkit.sqlite3"
    with Store.open(real) as store:
        store.create_household(Plan(code_word="old"), PASS)
    with Store.open(tmp_path / "other.sqlite3") as store:
        household_id = store.create_household(Plan(code_word="backed up"), PASS).household_id
        store.backup(tmp_path / "backup.sqlite3")
    link = tmp_path / "prepkit.sqlite3"
    link.symlink_to(real)
    code, _, err = _cli(capsys, "--db", str(link), "restore-backup",
                        str(tmp_path / "backup.sqlite3"))
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == real  # the link still points at the vault
    with Store.open(link, create=False) as store:
        assert store.load(store.unlock(household_id, PASS)).code_word == "backed up"
    assert any(p.name.startswith("prepkit.sqlite3.replaced-") for p in vault.iterdir())
