"""What a lost or seized laptop gives away: nothing a family typed, in any file prepkit writes.

Complements tests/test_store.py (raw file and WAL after saves, deletion scrubbing): here a real
rendered PDF is stored, every file beside the data file and every new file in the system temp
folder is searched as well, and a whole command-line session is searched for the passphrase.
"""

from __future__ import annotations

import io
import logging
import os
import socket
import sys
import tempfile
import warnings
from pathlib import Path

import pytest
from pypdf import PdfReader

from prepkit import cli, exchange
from prepkit.forms import render
from prepkit.store import Store
from tests.test_store import MARKERS, PASS, encodings, marked_plan

STAFF_PASS = "staff only 7731 quokka"
NEEDLES = [e for m in [*MARKERS, PASS, STAFF_PASS] for e in encodings(m)]


def files_beside(db: Path) -> dict[Path, bytes]:
    """Every file in the data file's folder: the file, its -wal/-shm, any temporary copy."""
    return {p: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}


def leaks(files: dict[Path, bytes]) -> list[tuple[str, bytes]]:
    return [(p.name, n[:24]) for p, data in files.items() for n in NEEDLES if n in data]


def temp_snapshot(root: Path, exclude: Path) -> dict[Path, float]:
    """Every file under ``root`` with its mtime, except ``exclude`` and pytest's own folders:
    another test run on the machine writes the same markers into its pytest-of-* folder."""
    found: dict[Path, float] = {}
    # os.walk, not Path.rglob: other programs' folders come and go while we look, and walk
    # lets a vanished folder pass (onerror) where rglob raises.
    for folder, dirs, names in os.walk(root, onerror=lambda _e: None):
        dirs[:] = [d for d in dirs if not d.startswith("pytest-of-")]
        for name in names:
            path = Path(folder) / name
            try:
                if path.is_file() and exclude not in path.parents:
                    found[path] = path.stat().st_mtime
            except OSError:
                continue
    return found


def carrying_markers(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        try:
            if path.stat().st_size < 50_000_000 and any(n in path.read_bytes() for n in NEEDLES):
                found.append(path)
        except OSError:
            continue  # gone already: another program's
    return found


def test_no_plaintext_in_any_file_during_and_after_a_session(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "data" / "prepkit.sqlite3"
    system_temp = Path(tempfile.gettempdir())
    # The temp folder prepkit (Python's tempfile and SQLite both) is given: this test's own,
    # so everything written there is searched, whoever else runs on the machine.
    private_temp = tmp_path / "temp"
    private_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_temp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_temp))
    system_before = temp_snapshot(system_temp, exclude=tmp_path)
    plan = marked_plan()
    pdf = render.render_document(plan, "family-plan", "en")
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2
    with Store.open(db) as store:
        store.set_staff_passphrase(STAFF_PASS)
        session = store.create_household(plan, PASS)
        store.grant_consent(session)
        assert leaks(files_beside(db)) == []  # open, first save
        for i in range(6):
            store.save(session, marked_plan(counter=i))
        assert leaks(files_beside(db)) == []  # several saves: WAL full of page images
        pdf_id = store.put_pdf(session, "family_plan", "en", pdf)
        store.log_copy(session, "family_plan", "en", "print", MARKERS[2])
        assert leaks(files_beside(db)) == []  # a PDF stored
        assert store.get_pdf(session, pdf_id) == pdf
        staff = store.unlock_staff(STAFF_PASS)
        assert store.load(store.unlock_as_staff(session.household_id, staff)) == marked_plan(
            counter=5)
        store.backup(tmp_path / "data" / "backup.sqlite3")
        assert leaks(files_beside(db)) == []  # the backup (and its temp file) too
        session.forget()
    after = files_beside(db)
    assert sorted(p.name for p in after) == ["backup.sqlite3", "prepkit.sqlite3"]
    assert leaks(after) == []

    assert carrying_markers(list(temp_snapshot(private_temp, exclude=db.parent))) == []
    system_new = [p for p, mtime in temp_snapshot(system_temp, exclude=tmp_path).items()
                  if system_before.get(p) != mtime]
    assert carrying_markers(system_new) == []


def test_a_command_line_session_never_prints_or_logs_the_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # the root logger: every library's records reach caplog
    logging.getLogger().setLevel(logging.DEBUG)
    db = tmp_path / "data.sqlite3"
    plan_file = tmp_path / "plan.json"
    plan_file.write_bytes(exchange.dumps(marked_plan()))
    seen: list[str] = []

    def prepkit(*args: str, stdin: str = "") -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        seen.extend([out, err])
        return code

    assert prepkit("import", str(plan_file), stdin=f"{PASS}\n{PASS}\n") == 0
    household = seen[-2].strip()
    assert prepkit("list") == 0
    assert prepkit("export", household, "--out", str(tmp_path / "out.json"),
                   stdin=f"{PASS}\n") == 0
    assert prepkit("export", household, "--out", str(tmp_path / "locked.json"), "--encrypt",
                   stdin=f"{PASS}\n{PASS} file\n{PASS} file\n") == 0
    assert prepkit("export", household, "--out", str(tmp_path / "x.json"),
                   stdin=f"{PASS} wrong\n") == 1
    assert prepkit("import", str(tmp_path / "locked.json"),
                   stdin=f"{PASS} wrong\n{PASS}\n{PASS}\n") == 1
    assert prepkit("render", str(plan_file), "--doc", "school-letter",
                   "--out", str(tmp_path / "letter.pdf")) == 0
    assert prepkit("delete", household, "--yes") == 0

    printed = "\n".join(seen)
    logged = caplog.text + "\n".join(r.getMessage() for r in caplog.records)
    for secret in (PASS, "wrong", *MARKERS):
        assert secret not in printed, secret
        assert secret not in logged, secret
    assert "Traceback" not in printed
    locked = (tmp_path / "locked.json").read_bytes()
    assert all(n not in locked for n in NEEDLES)  # the encrypted export holds no plaintext


def test_an_outgoing_connection_is_refused_during_the_tests() -> None:
    # pytest-socket (--disable-socket in pyproject) turns any network use into a failure.
    with warnings.catch_warnings(), pytest.raises(Exception, match=r"[Ss]ocket") as blocked:
        warnings.simplefilter("ignore")  # pytest-socket also warns about the lookup
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert not isinstance(blocked.value, ConnectionRefusedError)  # refused before any packet
