"""Starting the desktop app: ``prepkit`` with no arguments calls ``run``."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from prepkit import i18n
from prepkit.i18n import _
from prepkit.ui import qtsetup, style
from prepkit.ui.uistate import UiStateStore
from prepkit.ui.window import MainWindow


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("prepkit")
    qtsetup.register_fonts()
    qtsetup.apply_look(app, style.Look())
    return app


def run(db_path: Path, *, kiosk: bool = False) -> int:
    """Open the data file and show the window; returns the process exit code."""
    from prepkit.store import Store, StoreError

    app = make_app()
    try:
        store = Store.open(db_path)
    except StoreError as error:
        qtsetup.apply_language(app, i18n.interface_language())
        box = QMessageBox(QMessageBox.Icon.Critical, _("Family preparedness plan"),
                          error.message.render())
        box.exec()
        return 1
    try:
        state = UiStateStore.for_store(store, kiosk=kiosk)
        window = MainWindow(store, kiosk=kiosk, state_file=state)
        qtsetup.apply_look(app, window.look)
        window.show()
        if window.state.household_id and any(
            h.id == window.state.household_id for h in store.list_households()
        ):
            QTimer.singleShot(0, window.ask_open_plan)  # resume: the passphrase, then the step
        return app.exec()
    finally:
        store.close()
