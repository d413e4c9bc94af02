"""``prepkit --kiosk`` from the start: staff set their passphrase, the kiosk goes full screen, the
staff passphrase leaves it; a file that cannot be opened is said in a box prepkit words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from prepkit import i18n
from prepkit.store import Store
from prepkit.ui import app as desktop
from prepkit.ui.kiosk.shell import KioskWindow
from prepkit.ui.kiosk.staff import StaffPanel, StaffSetupDialog, StaffUnlockDialog
from tests.ui.kiosk_helpers import STAFF, click, modal
from tests.ui.test_languages import untranslated


def later(step: Callable[[], None], ms: int = 50) -> None:
    """Run ``step`` once the next dialog (or window) is up: inside its event loop."""
    QTimer.singleShot(ms, step)


def kiosks() -> list[KioskWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, KioskWindow) and w.isVisible()]


def test_first_start_sets_up_staff_then_goes_full_screen(qtbot, tmp_path: Path):
    db = tmp_path / "school.sqlite3"
    seen: dict[str, object] = {}

    def setup() -> None:
        dialog = modal()
        seen["setup"] = type(dialog)
        assert isinstance(dialog, StaffSetupDialog)
        qtbot.keyClicks(dialog.first, STAFF)
        qtbot.keyClicks(dialog.second, STAFF)
        later(look)
        click(dialog.ok)

    def look() -> None:
        shown = kiosks()
        seen["kiosks"] = len(shown)
        if not shown:
            QApplication.quit()
            return
        kiosk = shown[0]
        seen["full screen"] = kiosk.isFullScreen()
        seen["picker"] = kiosk.wizard is not None and \
            kiosk.wizard.stack.currentWidget() is kiosk.wizard.start
        later(unlock)
        click(kiosk.staff_button)

    def unlock() -> None:
        dialog = modal()
        assert isinstance(dialog, StaffUnlockDialog)
        qtbot.keyClicks(dialog.passphrase, STAFF)
        later(leave)
        click(dialog.ok)

    def leave() -> None:
        panel = modal()
        assert isinstance(panel, StaffPanel)
        click(panel.leave_button)  # the kiosk closes and the app quits

    later(setup)
    assert desktop.run_kiosk(db) == 0
    assert seen == {"setup": StaffSetupDialog, "kiosks": 1, "full screen": True, "picker": True}
    assert kiosks() == []
    with Store.open(db) as store:  # the passphrase staff chose is the one that unlocks
        assert store.has_staff_key()
        store.unlock_staff(STAFF)


def test_later_starts_go_straight_to_the_kiosk(qtbot, tmp_path: Path):
    db = tmp_path / "school.sqlite3"
    with Store.open(db) as store:
        store.set_staff_passphrase(STAFF)
    seen: list[object] = []

    def look() -> None:
        seen.append(QApplication.activeModalWidget())
        shown = kiosks()
        seen.append(bool(shown) and shown[0].isFullScreen())
        for kiosk in shown:
            kiosk.leave_kiosk()  # what the staff panel's "Leave kiosk mode" does
        if not shown:
            QApplication.quit()

    later(look, 100)
    assert desktop.run_kiosk(db) == 0
    assert seen == [None, True]


def test_staff_who_cancel_the_setup_get_no_kiosk(qtbot, tmp_path: Path):
    def cancel() -> None:
        dialog = modal()
        assert isinstance(dialog, StaffSetupDialog)
        assert dialog.findChild(QMessageBox) is None
        click(dialog.cancel)

    later(cancel)
    assert desktop.run_kiosk(tmp_path / "school.sqlite3") == 1
    assert kiosks() == []


def test_a_file_that_is_not_ours_is_said_in_prepkits_words(qtbot, tmp_path: Path):
    db = tmp_path / "not-a-plan.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    i18n.set_interface_language(i18n.PSEUDO)
    seen: list[object] = []

    def answer() -> None:
        box = modal()
        assert isinstance(box, QMessageBox)
        seen.append(untranslated(box))
        seen.append([b.text() for b in box.buttons()])
        click(box.buttons()[0])

    later(answer)
    assert desktop.run_kiosk(db) == 1
    assert seen[0] == []  # no "OK" from Qt: every word through prepkit's catalog
    assert seen[1] == [i18n.translations(i18n.PSEUDO).gettext("Close")]
