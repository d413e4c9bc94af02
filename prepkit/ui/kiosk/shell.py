"""The kiosk window: full screen, one wizard per family session, thrown away when it ends.

A session starts at the language picker (the wizard's start page).  It ends when the family
finishes, presses "Quick exit" (in the kiosk's bar or in any dialog), or leaves the screen
untouched until the countdown runs out; each way does the same: open dialogs are emptied and
closed, the last edits are saved (a kept plan is locked under the family's passphrase), the
session key is forgotten, the wizard and every widget that showed the family's words is
destroyed, the clipboard is cleared, the language goes back to the kiosk's own, and a fresh
wizard shows the picker.  Nothing of the family stays on screen or in the objects the app
holds (Python cannot scrub the freed memory of immutable strings; the plan's objects themselves
are released, which the tests check).  A plan started in the session that the family did not
choose to keep is deleted when the session ends without "Finish" (see ``plans.py``).

The screen counts as in use whenever there is anything of a family to clear: a plan open, a
language picked, a dialog open, text typed.  Plans kept and not updated for the staff's number
of days are deleted before each session, once a day while the kiosk runs, and when the
counselor's desk opens.

There is no way out from inside: no file dialogs (files go only to USB drives), no "print to
file" and no file printers, the window ignores close requests, and leaving kiosk mode takes the
staff passphrase.  Switching programs (Alt+Tab, the Windows key) is the operating system's: run
the kiosk under the system's own kiosk/assigned-access account for that (README, SECURITY.md).
"""

from __future__ import annotations

import contextlib
import gc
import math
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepkit import i18n
from prepkit.i18n import N_
from prepkit.store import HouseholdNotFound, StoreError
from prepkit.ui import qtsetup
from prepkit.ui.kiosk import quickexit
from prepkit.ui.kiosk.choices import SessionChoices
from prepkit.ui.kiosk.clock import Clock, SystemClock
from prepkit.ui.kiosk.idle import IdleWatch
from prepkit.ui.kiosk.media import removable_volumes
from prepkit.ui.kiosk.output import KioskOutput
from prepkit.ui.kiosk.receipt import ReceiptDialog
from prepkit.ui.kiosk.session import Countdown
from prepkit.ui.kiosk.settings import KioskSettings
from prepkit.ui.kiosk.staff import StaffPanel, StaffUnlockDialog
from prepkit.ui.kiosk.widgets import follow_language
from prepkit.ui.texts import Texts
from prepkit.ui.uistate import UiStateStore
from prepkit.ui.window import MainWindow

TICK_MS = 1000
PURGE_EVERY = timedelta(days=1)


def empty(dialog: QWidget) -> None:
    """Take every text out of a dialog before it closes: what was typed (passphrases) and what
    it said (a remove confirmation names a child)."""
    for edit in dialog.findChildren(QLineEdit):
        edit.setText("")
    for label in dialog.findChildren(QLabel):
        label.clear()
    if isinstance(dialog, QMessageBox):
        dialog.setText("")
        dialog.setInformativeText("")


def descends(widget: QWidget, ancestor: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parentWidget()
    return False


class KioskWindow(SessionChoices, QWidget):
    session_ended = Signal(str)  # why: "finished", "quick_exit", "idle", "leave"
    leave = Signal()

    def __init__(self, store: Any, *, clock: Clock | None = None,
                 volumes: Callable[[], list[Path]] = removable_volumes,
                 home_language: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock or SystemClock()
        self.volumes = volumes
        self.home_language = home_language or i18n.interface_language()
        self.settings = KioskSettings.load(store)
        self.allow_close = False
        self.purged: list[str] = []
        self.last_purge: datetime | None = None
        self.known_households: set[str] = set()
        self.kept_by_choice = False
        self.receipt: ReceiptDialog | None = None
        # Dialogs of a wizard that was thrown away while they were open: the code that opened
        # them still reads them once their exec() returns, so they outlive the wizard a little.
        self.orphans: list[QDialog] = []
        self.texts = Texts()
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.texts.bind(self.setWindowTitle, N_("Family preparedness plan"))

        strip = QFrame()
        strip.setProperty("role", "bar")
        row = QHBoxLayout(strip)
        self.kiosk_label = QLabel()
        self.texts.bind(self.kiosk_label.setText, N_("School kiosk"))
        self.staff_button = QPushButton()
        self.texts.label(self.staff_button, N_("Staff"))
        self.staff_button.setFlat(True)
        self.staff_button.clicked.connect(self.ask_staff)
        self.quick_exit = QPushButton()
        quickexit.style_button(self.quick_exit)
        self.texts.label(self.quick_exit, quickexit.TEXT)
        self.texts.bind(self.quick_exit.setToolTip, quickexit.TIP)
        self.quick_exit.clicked.connect(lambda: self.end_session("quick_exit"))
        row.addWidget(self.kiosk_label)
        row.addStretch(1)
        row.addWidget(self.staff_button)
        row.addWidget(self.quick_exit)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.column.addWidget(strip)

        self.wizard: MainWindow | None = None
        self.countdown = Countdown(self)
        self.countdown.still_here.connect(self.still_here)
        self.idle = IdleWatch(self.clock, self)
        self.injector = quickexit.QuickExitInjector(lambda: self.end_session("quick_exit"), self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
            app.installEventFilter(self.injector)
        self.stop_following = follow_language(self)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.new_session()

    # --- sessions ----------------------------------------------------------------------------

    def purge(self) -> list[str]:
        """Delete kept plans that have not been updated for the staff's number of days."""
        now = self.clock.now()
        try:
            gone = list(self.store.purge_stale_kiosk_households(
                self.settings.retention_days, now=now))
        except StoreError:  # a full disk must not stop the next family: tried again later
            return []
        self.last_purge = now
        self.purged.extend(gone)
        return gone

    def purge_if_due(self) -> None:
        """Once a day in a kiosk that runs for weeks; never under an open plan."""
        now = self.clock.now()
        last = self.last_purge
        if self.session() is None and (last is None or now - last >= PURGE_EVERY or now < last):
            self.purge()

    def new_session(self) -> None:
        self.purge()
        if i18n.interface_language() != self.home_language:
            i18n.set_interface_language(self.home_language)
        self.known_households = {h.id for h in self.store.list_households()}
        self.kept_by_choice = False
        wizard = MainWindow(self.store, kiosk=True, state_file=UiStateStore(None))
        wizard.setWindowFlags(Qt.WindowType.Widget)
        wizard.finish_requested.connect(self.ask_end)
        # The kiosk's own passphrase dialogs: the rule on keeping plans, plan numbers.
        for signal, slot in ((wizard.start.new_plan, self.ask_new_plan),
                             (wizard.start.open_plan, self.ask_open_plan)):
            signal.disconnect()
            signal.connect(slot)
        page = next((p for p in wizard.pages if p.key == "print"), None)
        if page is not None:
            # Kept by the wizard (signals hold methods weakly); it goes when the wizard goes.
            output = KioskOutput(page, self.clock.now, self.volumes)
            output.adapt()
            wizard.kiosk_output = output
        self.column.addWidget(wizard, 1)
        wizard.show()
        self.wizard = wizard
        # The next family's first key press goes to the picker, never to the Staff button.
        wizard.start.new_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.idle.touch()

    def open_dialogs(self) -> list[QDialog]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible() and w is not self.countdown]

    @staticmethod
    def typed_text() -> bool:
        for top in QApplication.topLevelWidgets():
            if not top.isVisible():
                continue
            for edit in top.findChildren(QLineEdit):
                if edit.text() and edit.isVisible() and not isinstance(
                        edit.parentWidget(), QAbstractSpinBox | QComboBox):
                    return True
        return False

    def in_use(self) -> bool:
        """Is there anything of a family to clear?  An untouched picker needs no reset; a
        dialog open on it (a passphrase half typed) does."""
        wizard = self.wizard
        if wizard is None:
            return False
        return (wizard.stack.currentWidget() is not wizard.start
                or wizard.saver.session is not None
                or i18n.interface_language() != self.home_language
                or bool(self.open_dialogs())
                or self.typed_text())

    def session(self) -> Any:
        return self.wizard.saver.session if self.wizard is not None else None

    # --- the end of a session ------------------------------------------------------------

    def end_session(self, why: str) -> None:
        """Clear everything of this family at once and show a fresh language picker."""
        self.reap()
        self.countdown.hide()
        old = self.wizard
        for dialog in self.open_dialogs():
            empty(dialog)
            dialog.reject()
            if old is not None and descends(dialog, old):
                dialog.setParent(self, dialog.windowFlags())
                self.orphans.append(dialog)
        self.wizard = None
        unkept = ""
        if old is not None:
            session = old.saver.session
            if (session is not None and why != "finished" and not self.kept_by_choice
                    and session.household_id not in self.known_households):
                unkept = session.household_id
            old.hide()
            self.column.removeWidget(old)
            old.teardown()
            old.setParent(None)
            old.deleteLater()
        if unkept:
            # Started here and never chosen to be kept: the family was told it goes.
            with contextlib.suppress(HouseholdNotFound):
                self.store.delete_household(unkept)
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        if why != "leave":  # staff leaving kiosk mode: no next family
            self.new_session()
        QTimer.singleShot(0, gc.collect)
        self.session_ended.emit(why)

    def reap(self) -> None:
        """Delete the emptied dialogs of earlier sessions (their callers are long done)."""
        for dialog in self.orphans:
            if shiboken6.isValid(dialog):
                dialog.deleteLater()
        self.orphans = []

    # --- idle ----------------------------------------------------------------------------

    def tick(self) -> None:
        self.reap()
        self.purge_if_due()
        if not self.in_use():
            self.idle.touch()
            return
        idle = self.idle.idle_seconds()
        if idle >= self.settings.close_after_s:
            self.end_session("idle")
        elif idle >= self.settings.warn_after_s:
            remaining = math.ceil(self.settings.close_after_s - idle)
            self.countdown.show_remaining(remaining)
            if not self.countdown.isVisible():
                self.countdown.resize(max(640, self.width() * 2 // 3), 360)
                self.countdown.move(self.geometry().center() - self.countdown.rect().center())
                self.countdown.show()
                self.countdown.raise_()
        elif self.countdown.isVisible():
            self.countdown.hide()

    def still_here(self) -> None:
        self.idle.touch()
        self.countdown.hide()

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.texts.retranslate()
        self.injector.retranslate()
        if self.countdown.isVisible():
            self.countdown.show_remaining(self.countdown.remaining)
        qtsetup.align_labels(self)

    # --- staff -----------------------------------------------------------------------------

    def ask_staff(self) -> bool:
        """Staff passphrase, then the settings; returns True if staff chose to leave."""
        unlock = StaffUnlockDialog(self.store, self)
        try:
            if not unlock.exec():
                return False
        finally:
            unlock.staff_key = None
            empty(unlock)
            unlock.deleteLater()
        panel = StaffPanel(self.settings, self)
        try:
            result = panel.exec()
            chosen = panel.settings()
        finally:
            panel.deleteLater()
        if result == StaffPanel.LEAVE:
            self.leave_kiosk()
            return True
        if result == QDialog.DialogCode.Accepted:
            self.settings = chosen
            self.settings.save(self.store)
        return False

    def leave_kiosk(self) -> None:
        if self.wizard is not None:
            self.end_session("leave")
        self.allow_close = True
        self.timer.stop()
        self.close()
        self.leave.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self.idle)
                app.removeEventFilter(self.injector)
            self.stop_following()
            if self.wizard is not None and shiboken6.isValid(self.wizard):
                self.wizard.teardown()
            super().closeEvent(event)
            return
        event.ignore()  # Alt+F4 and the like: only staff can leave
        QTimer.singleShot(0, self.ask_staff)
