"""What a family chooses at the kiosk, from first to last: a new plan (with the rule on
keeping it) or a saved one (found by its plan number), and at the end whether to keep it and
whether the school may reprint its papers, followed by the page that shows those choices.

A mixin of ``KioskWindow`` (shell.py), kept apart so each file stays small.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from prepkit import i18n
from prepkit.ui.kiosk.clock import Clock
from prepkit.ui.kiosk.plans import KioskOpenPlanDialog, KioskPassphraseDialog, plan_number
from prepkit.ui.kiosk.receipt import Choices, ReceiptDialog
from prepkit.ui.kiosk.session import EndSessionDialog
from prepkit.ui.kiosk.settings import KioskSettings
from prepkit.ui.window import MainWindow


class SessionChoices:
    """Needs, from the kiosk window: the store, the clock, the settings, the current wizard."""

    store: Any
    clock: Clock
    settings: KioskSettings
    volumes: Callable[[], list[Path]]
    wizard: MainWindow | None
    kept_by_choice: bool
    receipt: ReceiptDialog | None

    def session(self) -> Any:
        raise NotImplementedError

    def end_session(self, why: str) -> None:
        raise NotImplementedError

    def parent_widget(self) -> Any:
        """Where the kiosk's dialogs hang: the kiosk window, not the wizard (which may be
        thrown away while they are open)."""
        return self

    def today(self) -> date:
        return self.clock.now().astimezone().date()

    def ask_new_plan(self) -> None:
        wizard = self.wizard
        if wizard is None:
            return
        dialog = KioskPassphraseDialog(self.parent_widget())
        try:
            if dialog.exec() and wizard is self.wizard:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    wizard.start_new_plan(dialog.passphrase())
                finally:
                    QApplication.restoreOverrideCursor()
        finally:
            if shiboken6.isValid(dialog):
                dialog.clear()
                dialog.deleteLater()

    def ask_open_plan(self) -> None:
        wizard = self.wizard
        if wizard is None:
            return
        dialog = KioskOpenPlanDialog(self.store.list_households(), self.store.unlock,
                                     self.parent_widget())
        try:
            if dialog.exec() and wizard is self.wizard:
                wizard.use_session(dialog.result_value)
            elif dialog.result_value is not None:
                dialog.result_value.forget()  # type: ignore[attr-defined]
        finally:
            if shiboken6.isValid(dialog):
                dialog.clear()
                dialog.deleteLater()

    def ask_end(self) -> None:
        """The family pressed Finish: keep the plan here or not, and the school's consent."""
        session = self.session()
        if session is None:
            self.end_session("finished")
            return
        consented = self.shared(session.household_id)
        dialog = EndSessionDialog(self.settings.retention_days, kept=consented,
                                  consented=consented, can_share=self.store.has_staff_key(),
                                  parent=self.parent_widget())
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or self.session() is not session:
                return
            keep, consent = dialog.keeps(), dialog.consents()
        finally:
            dialog.deleteLater()
        self.apply_choice(keep=keep, consent=consent)

    def shared(self, household_id: str) -> bool:
        return any(h.id == household_id for h in self.store.consented_households())

    def apply_choice(self, *, keep: bool, consent: bool) -> None:
        session = self.session()
        wizard = self.wizard
        choices: Choices | None = None
        if session is not None and wizard is not None:
            household = session.household_id
            was_shared = self.shared(household)
            record = wizard.plan.record
            if keep:
                # The family's own copy prints the consent and its date, so it lives in the plan.
                if not consent:
                    record.school_may_reprint_since = None
                elif record.school_may_reprint_since is None:
                    record.school_may_reprint_since = self.today()
                wizard.saver.changed()
            wizard.saver.flush()
            if not keep:
                wizard.saver.detach()
                self.store.delete_household(household)
            else:
                self.kept_by_choice = True
                if consent:
                    self.store.grant_consent(session)
                else:
                    self.store.withdraw_consent(session)
                choices = Choices(plan_number(household), self.today(),
                                  self.delete_after(household),
                                  record.school_may_reprint_since,
                                  withdrawn=was_shared and not consent)
        if choices is not None and wizard is not None:
            self.show_receipt(choices, wizard.plan.record.family_language)
            if self.wizard is not wizard:
                return  # Quick exit or the countdown already ended the session
        self.end_session("finished")

    def delete_after(self, household_id: str) -> date:
        info = next(h for h in self.store.list_households() if h.id == household_id)
        return (info.updated + timedelta(days=self.settings.retention_days)).astimezone().date()

    def show_receipt(self, choices: Choices, language: str) -> None:
        """The page that shows the family's choices and the date: print it before leaving."""
        try:
            i18n.language(language)
        except i18n.UnknownLanguage:
            language = i18n.interface_language()
        dialog = ReceiptDialog(choices, language or i18n.interface_language(),
                               now=self.clock.now, finder=self.volumes,
                               parent=self.parent_widget())
        self.receipt = dialog
        try:
            dialog.exec()
        finally:
            self.receipt = None
            if shiboken6.isValid(dialog):
                dialog.deleteLater()
