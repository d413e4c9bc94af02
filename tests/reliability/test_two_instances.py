"""Two prepkits on one data file: the second is told in one line and writes nothing.

The first instance is a real process holding the store open (as the app does while a family
types), so this test can read the file's bytes without touching the holder's locks.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from prepkit import exchange
from tests.forms.fixtures import sample_plan
from tests.test_store import PASS, REPO

HOLDER = """
import sys
from prepkit import crypto
crypto.DEFAULT_KDF = crypto.KdfParams(time_cost=1, memory_kib=8)
from prepkit.plan import Plan
from prepkit.store import Store
store = Store.open(sys.argv[1])
session = store.create_household(Plan(code_word="first"), "pw")
print(session.household_id, flush=True)
for line in sys.stdin:  # each line: save once more and report, proving the holder still works
    store.save(session, Plan(code_word=line.strip()))
    print("saved", flush=True)
store.close()
"""


def fingerprint(db: Path) -> dict[str, str | None]:
    return {
        suffix: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
        for suffix, p in ((s, db.with_name(db.name + s)) for s in ("", "-wal", "-shm"))
    }


@contextmanager
def holding(db: Path) -> Iterator[str]:
    """Another prepkit process holds ``db`` open while the block runs (yields its household);
    afterwards it must still save, proving nothing the block did disturbed it."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=REPO)
    assert holder.stdin is not None and holder.stdout is not None
    try:
        household = holder.stdout.readline().strip()
        assert len(household) == 32, holder.stderr
        yield household
        holder.stdin.write("still mine\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "saved"
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert holder.returncode == 0, holder.stderr.read() if holder.stderr else ""


def prepkit(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PREPKIT_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "prepkit", *args], input=stdin,
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=60)


def test_second_prepkit_is_refused_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    plan_file = tmp_path / "plan.json"
    plan_file.write_bytes(exchange.dumps(sample_plan()))
    with holding(db) as household:
        before = fingerprint(db)
        assert before[""] is not None

        for args, stdin in ((["list"], ""), (["import", str(plan_file)], f"{PASS}\n{PASS}\n"),
                            (["delete", household, "--yes"], ""),
                            (["backup", str(tmp_path / "copy.sqlite3")], "")):
            second = prepkit("--db", str(db), *args, stdin=stdin)
            assert second.returncode == 1, (args, second.stdout, second.stderr)
            assert second.stderr.count("\n") == 1 and "Traceback" not in second.stderr
            assert "already open in another prepkit window" in second.stderr, second.stderr
            assert second.stdout == ""
            assert fingerprint(db) == before, args
        assert not (tmp_path / "copy.sqlite3").exists()

    # Once the first has closed, the same command works and sees the first one's last save.
    listed = prepkit("--db", str(db), "list")
    assert listed.returncode == 0 and listed.stdout.split()[0] == household
    exported = prepkit("--db", str(db), "export", household, "--out",
                       str(tmp_path / "out.json"), stdin="pw\n")
    assert exported.returncode == 0, exported.stderr
    assert json.loads((tmp_path / "out.json").read_text())["plan"]["code_word"] == "still mine"
