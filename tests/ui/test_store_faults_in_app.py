"""The app with a full disk or a damaged plan: a clear message, nothing lost, still usable."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from prepkit.plan import Parent, Plan
from prepkit.store import Store, StoreFull
from prepkit.ui.saver import SaveState
from tests.ui.conftest import PASSPHRASE, new_plan


def test_a_full_disk_says_why_and_the_app_keeps_working(qtbot, make_window, store):
    window = make_window()
    new_plan(window)
    household = window.saver.session.household_id
    window.plan.parents.append(Parent(name="Before the disk filled"))
    window.saver.changed()
    window.saver.flush()
    conn = store._conn
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full now
    window.plan.parents[0].best_hours = "x" * 200_000
    window.saver.changed()
    window.saver.flush()
    assert window.saver.state == SaveState.FAILED
    assert StoreFull().message.render() in window.save_label.text()
    window.go("children")  # moving on writes the resume hint: must not raise
    window.go("parents")
    conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    window.saver.changed()
    window.saver.flush()
    assert window.saver.state == SaveState.SAVED
    kept = store.load(store.unlock(household, PASSPHRASE))
    assert kept.parents[0].name == "Before the disk filled"


def test_a_damaged_plan_is_named_in_a_message_and_nothing_breaks(qtbot, make_window, db_path):
    with Store.open(db_path.with_name("other.sqlite3")) as other:
        household = other.create_household(Plan(parents=[Parent(name="Ana")]), PASSPHRASE)
    with Store.open(db_path.with_name("other.sqlite3")) as other:
        session = other.unlock(household.household_id, PASSPHRASE)
        conn = other._conn
        conn.execute("UPDATE revisions SET blob = zeroblob(64)")
        seen: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            seen.append(box.text())
            box.buttons()[0].click()

        window = make_window(on=other)
        QTimer.singleShot(50, answer)
        window.use_session(session)
        assert seen and "damaged" in seen[0]
        assert window.stack.currentWidget() is window.start  # still on the start page, usable
