"""Starting the desktop app: ``prepkit`` with no arguments calls ``run``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from prepkit import i18n, paths
from prepkit.i18n import N_, _
from prepkit.ui import qtsetup, style
from prepkit.ui.uistate import UiStateStore
from prepkit.ui.window import MainWindow

if TYPE_CHECKING:
    from prepkit.store import Store, StoreError


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("prepkit")
    qtsetup.register_fonts()
    qtsetup.apply_look(app, style.Look())
    return app


def _open(app: QApplication, db_path: Path, *, may_start_afresh: bool = False) -> Store | None:
    """The data file, or None once the reason it cannot be opened has been said.

    ``may_start_afresh`` (the family's own app only): a damaged file may be set aside for a
    new one.  Never at a kiosk or the counselor's desk, where it would set aside every kept
    plan and hand the staff passphrase set-up to whoever is at the screen."""
    from prepkit.store import DamagedFile, NotAPrepkitFile, Store, StoreError

    try:
        return Store.open(db_path)
    except StoreError as caught:
        qtsetup.apply_language(app, i18n.interface_language())
        error = caught
        if isinstance(error, NotAPrepkitFile) and _is_own_file(db_path) \
                and _looks_emptied(db_path):
            # Only prepkit writes there: an empty file or a zeroed header (a power cut, a
            # failing disk) is its own file damaged, not somebody else's file.
            error = DamagedFile()
        if not (may_start_afresh and isinstance(error, DamagedFile)):
            _say_cannot_open(error)
            return None
        if not _start_afresh_beside(error):
            return None
    # The damaged file is set aside, whole and unchanged; a new one takes its place.
    from prepkit.store.backups import set_aside

    real = Path(os.path.realpath(db_path))  # a link keeps pointing at the data file
    try:
        set_aside(real, "damaged")
        return Store.open(real)
    except StoreError as error:
        _say_cannot_open(error)
        return None


def _is_own_file(db_path: Path) -> bool:
    """The data file in prepkit's own folder (or PREPKIT_DB), not one named with ``--db``."""
    return db_path.resolve() == paths.default_db_path().resolve()


def _looks_emptied(path: Path) -> bool:
    """Empty, or its first 100 bytes (SQLite's header) all zero: what a power cut leaves."""
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError:
        return False
    return not head.strip(b"\x00")


def _say_cannot_open(error: StoreError) -> None:
    """In a box for the person at the screen, and on stderr for whoever reads a kiosk's start-up
    log when nobody was there to see it (the message names no family)."""
    text = error.message.render()
    print(f"prepkit: {text}", file=sys.stderr)
    error_box(text).exec()


def _start_afresh_beside(error: StoreError) -> bool:
    """A damaged data file need not keep a family out of prepkit for good: offer to keep it
    aside, as it is (someone may still recover it), and start with a new, empty one."""
    box = error_box("\n\n".join([error.message.render(), _(
        "You can also keep the damaged file aside, as it is, and start again with a new, "
        "empty plan file.")]))
    fresh = box.addButton(_("Start a new plan file"), QMessageBox.ButtonRole.ActionRole)
    box.exec()
    return box.clickedButton() is fresh


def error_box(text: str) -> QMessageBox:
    """A message box whose button comes from prepkit's catalog: Qt's own "OK" is English in
    most of prepkit's languages (Qt ships no catalog for Somali, Twi, Pashto...)."""
    box = QMessageBox(QMessageBox.Icon.Critical, _("Family preparedness plan"), text)
    close = box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    return box


def _staff_ready(store: Store) -> bool:
    """First run at a school: staff set their passphrase before anything else."""
    from prepkit.ui.kiosk.staff import StaffSetupDialog

    return bool(store.has_staff_key() or StaffSetupDialog(store).exec())


def run_kiosk(db_path: Path) -> int:
    """Full screen, one family at a time; only the staff passphrase leaves it."""
    from prepkit.ui.kiosk.shell import KioskWindow

    app = make_app()
    store = _open(app, db_path)
    if store is None:
        return 1
    try:
        qtsetup.apply_language(app, i18n.interface_language())
        if not _staff_ready(store):
            return 1
        window = KioskWindow(store)
        window.leave.connect(app.quit)
        # Only leaving kiosk mode ends the app: the kiosk closing its window as it leaves must
        # not post a second quit, which would end the next event loop to start at once.
        app.setQuitOnLastWindowClosed(False)
        window.showFullScreen()
        code = app.exec()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # before the store goes
        return code
    finally:
        app.setQuitOnLastWindowClosed(True)
        store.close()


def run_counselor(db_path: Path) -> int:
    """The counselor's desk: the staff passphrase, then the consenting families."""
    from prepkit.ui.counselor import CounselorWindow
    from prepkit.ui.kiosk.staff import StaffUnlockDialog

    app = make_app()
    store = _open(app, db_path)
    if store is None:
        return 1
    try:
        qtsetup.apply_language(app, i18n.interface_language())
        if not _staff_ready(store):
            return 1
        unlock = StaffUnlockDialog(store, title=N_("Counselor's desk"))
        if not unlock.exec():
            return 1
        window = CounselorWindow(store, unlock.staff_key)
        unlock.staff_key = None
        window.show()
        return app.exec()
    finally:
        store.close()


def run(db_path: Path, *, kiosk: bool = False) -> int:
    """Open the data file and show the window; returns the process exit code."""
    if kiosk:
        return run_kiosk(db_path)
    app = make_app()
    store = _open(app, db_path, may_start_afresh=True)
    if store is None:
        return 1
    try:
        state = UiStateStore.for_store(store, kiosk=False)
        window = MainWindow(store, kiosk=False, state_file=state)
        qtsetup.apply_look(app, window.look)
        window.show()
        if window.state.household_id and any(
            h.id == window.state.household_id for h in store.list_households()
        ):
            QTimer.singleShot(0, window.ask_open_plan)  # resume: the passphrase, then the step
        return app.exec()
    finally:
        store.close()
