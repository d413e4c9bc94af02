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
    assert window.save_problem.isVisible()  # why, and what to do, across the window
    assert window.save_problem.text() == (
        "Not saved: the last change could not be saved\n" + StoreFull().message.render())
    assert not window.save_label.isVisible()  # the short word gives way to the whole message
    assert window.save_problem.property("role") == "problem"
    window.go("children")  # moving on writes the resume hint: must not raise
    window.go("parents")
    conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    window.saver.changed()
    window.saver.flush()
    assert window.saver.state == SaveState.SAVED
    assert not window.save_problem.isVisible()
    assert window.save_label.isVisible() and window.save_label.text() == "Saved"
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


def _damaged_data_file(path) -> bytes:
    with Store.open(path) as made:
        made.create_household(Plan(parents=[Parent(name="Ana")]), PASSPHRASE)
    data = bytearray(path.read_bytes())
    data[4096:4096 + 64] = b"\xff" * 64  # a table page's header: the file no longer opens
    path.write_bytes(bytes(data))
    return bytes(data)


def _answer_with(button_text: str, seen: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(50, answer)


def test_a_damaged_data_file_can_be_set_aside_for_a_new_one(qtbot, tmp_path):
    from prepkit.ui import app as desktop

    path = tmp_path / "prepkit.sqlite3"
    damaged = _damaged_data_file(path)
    seen: list[str] = []
    _answer_with("Start a new plan file", seen)
    store = desktop._open(QApplication.instance(), path, may_start_afresh=True)
    assert store is not None
    try:
        assert "damaged" in seen[0] and "start again with a new, empty plan file" in seen[0]
        assert store.list_households() == []  # a new, empty file, ready to use
    finally:
        store.close()
    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith("prepkit.sqlite3.damaged-")]
    assert aside.read_bytes() == damaged  # kept whole, unchanged, for anyone who can recover it


def test_closing_the_damaged_file_message_changes_nothing(qtbot, tmp_path):
    from prepkit.ui import app as desktop

    path = tmp_path / "prepkit.sqlite3"
    damaged = _damaged_data_file(path)
    seen: list[str] = []
    _answer_with("Close", seen)
    assert desktop._open(QApplication.instance(), path, may_start_afresh=True) is None
    assert seen and path.read_bytes() == damaged
    assert [p.name for p in tmp_path.iterdir()] == ["prepkit.sqlite3"]


def _buttons_of_next_box(seen: list[object]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        seen.append([b.text() for b in box.buttons()])
        box.buttons()[0].click()

    QTimer.singleShot(50, answer)


def test_an_emptied_data_file_in_prepkits_own_folder_is_damage_and_can_be_set_aside(qtbot):
    """A power cut can leave the file empty or its header zeroed: that is prepkit's own file
    damaged, and the family must not be locked out of the app by it."""
    from prepkit import paths
    from prepkit.ui import app as desktop

    own = paths.default_db_path()
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_bytes(b"")
    seen: list[str] = []
    _answer_with("Start a new plan file", seen)
    store = desktop._open(QApplication.instance(), own, may_start_afresh=True)
    assert store is not None
    store.close()
    assert "damaged" in seen[0]
    assert any(p.name.startswith(own.name + ".damaged-") for p in own.parent.iterdir())


def test_a_file_named_with_db_that_is_not_ours_is_only_refused(qtbot, tmp_path):
    from prepkit.ui import app as desktop

    photo = tmp_path / "photo.sqlite3"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not a database" * 50)
    before = photo.read_bytes()
    seen: list[object] = []
    _buttons_of_next_box(seen)
    assert desktop._open(QApplication.instance(), photo, may_start_afresh=True) is None
    assert "not a prepkit plan file" in str(seen[0])
    assert seen[1] == ["Close"]  # nothing to set aside: it is not prepkit's to move
    assert photo.read_bytes() == before and list(tmp_path.iterdir()) == [photo]


def test_a_kiosk_never_offers_to_replace_its_damaged_data_file(qtbot, tmp_path):
    """Setting the file aside at a kiosk would hide every kept plan and hand the staff
    passphrase set-up to whoever is at the screen."""
    from prepkit.ui import app as desktop

    path = tmp_path / "kiosk.sqlite3"
    damaged = _damaged_data_file(path)
    seen: list[object] = []
    _buttons_of_next_box(seen)
    assert desktop.run_kiosk(path) == 1
    assert "damaged" in str(seen[0]) and seen[1] == ["Close"]
    assert path.read_bytes() == damaged and [p.name for p in tmp_path.iterdir()] == [path.name]


def test_prepkits_own_file_that_is_plainly_someone_elses_is_only_refused(
        qtbot, tmp_path, monkeypatch):
    """PREPKIT_DB may point anywhere: only an emptied file there counts as prepkit's own,
    damaged; a photo is somebody else's and is not offered to be moved."""
    from prepkit.ui import app as desktop

    photo = tmp_path / "holiday.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"JFIF" * 500)
    monkeypatch.setenv("PREPKIT_DB", str(photo))
    seen: list[object] = []
    _buttons_of_next_box(seen)
    assert desktop._open(QApplication.instance(), photo, may_start_afresh=True) is None
    assert seen[1] == ["Close"] and "not a prepkit plan file" in str(seen[0])
    assert list(tmp_path.iterdir()) == [photo]


def test_a_damaged_data_file_behind_a_link_is_replaced_where_the_link_points(qtbot, tmp_path):
    from prepkit.ui import app as desktop

    vault = tmp_path / "vault"
    vault.mkdir()
    real = vault / "prepkit.sqlite3"
    damaged = _damaged_data_file(real)
    link = tmp_path / "prepkit.sqlite3"
    link.symlink_to(real)
    seen: list[str] = []
    _answer_with("Start a new plan file", seen)
    store = desktop._open(QApplication.instance(), link, may_start_afresh=True)
    assert store is not None
    store.close()
    assert link.is_symlink() and real.is_file()  # the new file is where the link points
    (aside,) = [p for p in vault.iterdir() if ".damaged-" in p.name]
    assert aside.read_bytes() == damaged


def test_a_folder_where_the_data_file_should_be_is_a_message(qtbot, tmp_path):
    from prepkit.ui import app as desktop

    folder = tmp_path / "prepkit.sqlite3"
    folder.mkdir()
    seen: list[object] = []
    _buttons_of_next_box(seen)
    assert desktop._open(QApplication.instance(), folder, may_start_afresh=True) is None
    assert "not a prepkit plan file" in str(seen[0])
