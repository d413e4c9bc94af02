"""The command line, on a real data file: every subcommand, and errors as one line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prepkit import cli, exchange
from prepkit.plan import Child, Contact, Parent, Phone, Plan

PASS = "correct horse battery"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    plan = Plan(parents=[Parent(name="Amira Haddad", phones=[Phone("508 555 0142")])],
                children=[Child(legal_name="Yusuf Haddad")],
                contacts=[Contact(name="Nguyễn Thị Lan")])
    path = tmp_path / "plan.json"
    path.write_bytes(exchange.dumps(plan))
    return path


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str,
        stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("prepkit 0.")


def test_import_list_export_delete_round_trip(tmp_path: Path, plan_file: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "data.sqlite3")
    code, out, err = run(monkeypatch, capsys, "--db", db, "import", str(plan_file),
                         stdin=f"{PASS}\n{PASS}\n")
    assert code == 0, err
    household = out.strip()
    code, out, _ = run(monkeypatch, capsys, "--db", db, "list")
    assert code == 0 and household in out and "Amira" not in out

    exported = tmp_path / "out.json"
    code, _, err = run(monkeypatch, capsys, "--db", db, "export", household, "--out",
                       str(exported), stdin=f"{PASS}\n")
    assert code == 0, err
    assert exchange.loads(exported.read_bytes()) == exchange.loads(plan_file.read_bytes())

    code, _, err = run(monkeypatch, capsys, "--db", db, "export", household, "--out",
                       str(exported), stdin="wrong\n")
    assert code == 1 and err.count("\n") == 1 and "passphrase" in err.lower()

    code, _, err = run(monkeypatch, capsys, "--db", db, "delete", household)
    assert code == 1 and "--yes" in err
    code, _, _ = run(monkeypatch, capsys, "--db", db, "delete", household, "--yes")
    assert code == 0
    code, out, _ = run(monkeypatch, capsys, "--db", db, "list")
    assert household not in out


def test_encrypted_export_and_import(tmp_path: Path, plan_file: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "data.sqlite3")
    _, out, _ = run(monkeypatch, capsys, "--db", db, "import", str(plan_file),
                    stdin=f"{PASS}\n{PASS}\n")
    locked = tmp_path / "usb.json"
    code, _, err = run(monkeypatch, capsys, "--db", db, "export", out.strip(), "--out",
                       str(locked), "--encrypt", stdin=f"{PASS}\nstick pass\nstick pass\n")
    assert code == 0, err
    assert b"Amira" not in locked.read_bytes()
    other = str(tmp_path / "school.sqlite3")
    code, _, err = run(monkeypatch, capsys, "--db", other, "import", str(locked),
                       stdin="stick pass\nnew\nnew\n")
    assert code == 0, err


def test_backup_makes_an_equal_store(tmp_path: Path, plan_file: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "data.sqlite3")
    _, out, _ = run(monkeypatch, capsys, "--db", db, "import", str(plan_file),
                    stdin=f"{PASS}\n{PASS}\n")
    copy = tmp_path / "copy.sqlite3"
    code, _, err = run(monkeypatch, capsys, "--db", db, "backup", str(copy))
    assert code == 0, err
    restored = tmp_path / "restored.json"
    code, _, err = run(monkeypatch, capsys, "--db", str(copy), "export", out.strip(), "--out",
                       str(restored), stdin=f"{PASS}\n")
    assert code == 0, err
    assert exchange.loads(restored.read_bytes()) == exchange.loads(plan_file.read_bytes())
    code, _, err = run(monkeypatch, capsys, "--db", db, "backup", str(copy))
    assert code == 1 and "already exists" in err


def test_db_from_environment(tmp_path: Path, plan_file: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PREPKIT_DB", str(tmp_path / "env.sqlite3"))
    code, _, err = run(monkeypatch, capsys, "import", str(plan_file), stdin=f"{PASS}\n{PASS}\n")
    assert code == 0, err
    assert (tmp_path / "env.sqlite3").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["list"], "There is no prepkit data file"),
        (["import", "missing.json"], "There is no file"),
        (["frobnicate"], "That command is not right"),
        (["export"], "That command is not right"),
    ],
)
def test_errors_are_one_line_and_non_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str], args: list[str],
                                          says: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(monkeypatch, capsys, "--db", str(tmp_path / "none.sqlite3"), *args,
                       stdin="x\nx\n")
    assert code != 0 and says in err and err.count("\n") == 1


def test_a_bad_plan_file_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "prepkit-plan", "version": 1,
                               "plan": {"parents": [{"ssn": "1"}]}}))
    db = tmp_path / "data.sqlite3"
    code, _, err = run(monkeypatch, capsys, "--db", str(db), "import", str(bad), stdin="a\na\n")
    assert code == 1 and "unknown field: ssn" in err
    assert not db.exists()


def test_a_real_process_never_prints_a_traceback(tmp_path: Path) -> None:
    not_a_db = tmp_path / "photo.sqlite3"
    not_a_db.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    before = not_a_db.read_bytes()
    env = {**os.environ, "PREPKIT_LANG": "en"}
    result = subprocess.run([sys.executable, "-m", "prepkit", "--db", str(not_a_db), "list"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert not_a_db.read_bytes() == before


def test_errors_follow_the_interface_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PREPKIT_LANG", "en_XA")
    code, _, err = run(monkeypatch, capsys, "--db", str(tmp_path / "x.sqlite3"), "list")
    assert code == 1 and "⟦" in err


def test_render_one_document_with_english(tmp_path: Path, plan_file: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    out = tmp_path / "letter.pdf"
    code, _, err = run(monkeypatch, capsys, "render", str(plan_file), "--doc", "school-letter",
                       "--lang", "es", "--with-english", "--paper", "a4", "--out", str(out))
    assert code == 0, err
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Yusuf Haddad" in text and "(508) 555-0142" in text
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4


def test_render_blank_set_in_arabic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    out = tmp_path / "blank.pdf"
    code, _, err = run(monkeypatch, capsys, "render", "--blank", "--doc", "all", "--lang", "ar",
                       "--out", str(out))
    assert code == 0, err
    assert len(PdfReader(out).pages) >= 9


@pytest.mark.parametrize(("args", "says"), [
    (["--doc", "passport", "--blank"], "no document called passport"),
    (["--doc", "all", "--blank", "--lang", "tlh"], "no language tlh"),
    (["--doc", "all"], "Name a plan file"),
])
def test_render_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str], args: list[str], says: str) -> None:
    code, _, err = run(monkeypatch, capsys, "render", *args, "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and says in err and not (tmp_path / "x.pdf").exists()


def test_messages_follow_the_system_language_unless_prepkit_lang_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from prepkit import i18n

    monkeypatch.delenv("PREPKIT_LANG", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    missing = str(tmp_path / "x.sqlite3")
    code, _, err = run(monkeypatch, capsys, "--db", missing, "list")
    expected = i18n.translations("es").gettext("There is no prepkit data file at {path}.")
    assert code == 1 and expected.format(path=missing) in err
    monkeypatch.setenv("PREPKIT_LANG", "en")
    code, _, err = run(monkeypatch, capsys, "--db", missing, "list")
    assert "There is no prepkit data file" in err


def test_no_screen_is_a_message_not_an_abort(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = run(monkeypatch, capsys)
    assert code == 1 and "needs a screen" in err and err.count("\n") == 1


def _imported(tmp_path: Path, plan: Plan, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    source = tmp_path / "in.json"
    source.write_bytes(exchange.dumps(plan))
    db = str(tmp_path / "data.sqlite3")
    code, out, err = run(monkeypatch, capsys, "--db", db, "import", str(source),
                         stdin=f"{PASS}\n{PASS}\n")
    assert code == 0, err
    return db, out.strip()


def test_export_leaves_the_private_section_home_unless_locked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from prepkit.plan import PrivateSection

    db, household = _imported(tmp_path, Plan(private=PrivateSection(a_number="A-201-555-901")),
                              monkeypatch, capsys)
    plain = tmp_path / "plain.json"
    code, _, err = run(monkeypatch, capsys, "--db", db, "export", household, "--out",
                       str(plain), stdin=f"{PASS}\n")
    assert code == 0, err
    assert b"A-201-555-901" not in plain.read_bytes()
    assert exchange.loads(plain.read_bytes()).private is None
    code, _, err = run(monkeypatch, capsys, "--db", db, "export", household, "--out",
                       str(tmp_path / "x.json"), "--with-private", stdin=f"{PASS}\n")
    assert code == 1 and "--encrypt" in err and not (tmp_path / "x.json").exists()
    locked = tmp_path / "locked.json"
    code, _, err = run(monkeypatch, capsys, "--db", db, "export", household, "--out",
                       str(locked), "--with-private", "--encrypt",
                       stdin=f"{PASS}\nusb pass\nusb pass\n")
    assert code == 0, err
    private = exchange.loads_encrypted(locked.read_bytes(), "usb pass").private
    assert private is not None and private.a_number == "A-201-555-901"


def test_history_and_restore_undo_a_mistake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime, timedelta

    from prepkit.store import Store

    db, household = _imported(tmp_path, Plan(children=[Child(legal_name="Ana")]),
                              monkeypatch, capsys)
    later = [datetime.now(UTC)]  # after the import, whenever the test runs
    with Store.open(Path(db), clock=lambda: later[0]) as store:
        session = store.unlock(household, PASS)
        later[0] += timedelta(hours=2)  # a new history slot: a later evening's work
        store.save(session, Plan())  # the mistake: every child removed
    code, out, err = run(monkeypatch, capsys, "--db", db, "history", household,
                         stdin=f"{PASS}\n")
    assert code == 0, err
    numbers = [int(line.split("\t")[0]) for line in out.splitlines()]
    assert len(numbers) == 2
    code, out, err = run(monkeypatch, capsys, "--db", db, "restore", household,
                         str(min(numbers)), stdin=f"{PASS}\n")
    assert code == 0 and "back as it was" in out, err
    with Store.open(Path(db)) as store:
        assert [c.legal_name for c in store.load(store.unlock(household, PASS)).children] == [
            "Ana"]
    code, _, err = run(monkeypatch, capsys, "--db", db, "restore", household, "999",
                       stdin=f"{PASS}\n")
    assert code == 1 and "no saved version 999" in err


def test_a_folder_given_as_the_data_file_is_named(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(monkeypatch, capsys, "--db", str(tmp_path), "list")
    assert code == 1 and "is a folder, not a file" in err


def test_db_flag_wins_over_environment_which_wins_over_the_user_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from prepkit import paths

    monkeypatch.delenv("PREPKIT_DATA_DIR", raising=False)
    default = paths.default_db_path()
    assert default.name == "prepkit.sqlite3" and "prepkit" in default.parent.parts[-1]
    monkeypatch.setenv("PREPKIT_DB", str(tmp_path / "env.sqlite3"))
    assert paths.default_db_path() == tmp_path / "env.sqlite3"
    assert paths.default_db_path(str(tmp_path / "flag.sqlite3")) == tmp_path / "flag.sqlite3"
