"""Two desktop apps on one data file: the second says so in the family's language, writes
nothing and exits.

The first instance is a real process holding the store open (tests/reliability/
test_two_instances.py's HOLDER).  The second is the real entry point, ``python -m prepkit --db
FILE``, in a process of its own.  The app reports the refusal in a modal message box and waits
for a click; it has no non-interactive path, so the process plays the family: it creates the
QApplication the app then reuses (``make_app``), with a timer that, once a message box is up,
writes what the box says to stdout and clicks its only button.  If instead a window opens (the
second app was let in), it says so and ends the app with an exit code the test refuses.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from prepkit import i18n
from prepkit.store import AlreadyOpen
from tests.reliability.test_two_instances import fingerprint, holding
from tests.test_store import REPO

LET_IN = 99  # the driver's exit code when the second app opened a window instead of refusing

DRIVER = f"""
import json, runpy, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

app = QApplication(sys.argv[:1])

def look():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        print(json.dumps({{
            "text": box.text(),
            "title": box.windowTitle(),
            "buttons": [b.text() for b in box.buttons()],
            "rtl": box.layoutDirection() == Qt.LayoutDirection.RightToLeft,
        }}), flush=True)
        box.buttons()[0].click()
        return
    shown = [w for w in QApplication.topLevelWidgets()
             if w.isVisible() and not isinstance(w, QMessageBox)]
    if shown:
        print(json.dumps({{"window": type(shown[0]).__name__}}), flush=True)
        QApplication.exit({LET_IN})

timer = QTimer()
timer.timeout.connect(look)
timer.start(20)
sys.argv = ["prepkit", *sys.argv[1:]]
runpy.run_module("prepkit", run_name="__main__", alter_sys=True)
"""


def second_app(db: Path, lang: str, *mode: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PREPKIT_LANG": lang, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", DRIVER, "--db", str(db), *mode],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=60)


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """A data file another prepkit process holds open; afterwards, proof that it still saves."""
    db = tmp_path / "shared.sqlite3"
    with holding(db):
        yield db


@pytest.mark.parametrize(("lang", "mode"), [
    ("en", ()),
    ("ar", ()),
    ("en", ("--kiosk",)),
    ("ar", ("--counselor",)),
])
def test_a_second_app_is_told_in_its_language_and_writes_nothing(
    held: Path, lang: str, mode: tuple[str, ...]
) -> None:
    before = fingerprint(held)
    assert before[""] is not None

    second = second_app(held, lang, *mode)

    shown = [json.loads(line) for line in second.stdout.splitlines() if line.startswith("{")]
    assert second.returncode == 1, (second.returncode, shown, second.stderr)
    assert "Traceback" not in second.stderr, second.stderr
    tr = i18n.translations(lang)
    message = tr.gettext(AlreadyOpen.msgid)
    if lang != "en":
        assert message != AlreadyOpen.msgid  # the catalog has it: the family reads their own
    assert shown == [{
        "text": message,
        "title": tr.gettext("Family preparedness plan"),
        "buttons": [tr.gettext("Close")],
        "rtl": i18n.language(lang).is_rtl,
    }]
    assert f"prepkit: {message}" in second.stderr.splitlines()  # for a kiosk's start-up log
    assert fingerprint(held) == before
