"""Kiosk mode: sessions that leave nothing behind, the family's choices, staff's way out."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from prepkit import i18n
from prepkit.plan import Mode, Plan
from prepkit.store import (
    HouseholdNotFound,
    NotShared,
    SessionLocked,
    Store,
    WrongPassphrase,
)
from prepkit.ui.kiosk import media
from prepkit.ui.kiosk.receipt import ReceiptDialog
from prepkit.ui.kiosk.session import EndSessionDialog
from prepkit.ui.kiosk.settings import KioskSettings
from prepkit.ui.kiosk.shell import KioskWindow
from prepkit.ui.kiosk.staff import StaffPanel, StaffSetupDialog, StaffUnlockDialog
from tests.ui import kiosk_helpers
from tests.ui.conftest import PASSPHRASE
from tests.ui.kiosk_helpers import (
    PARENT,
    STAFF,
    family_text_on_screen,
    plans_holding_family,
    settle,
    start_family,
)

clock = kiosk_helpers.clock
usb = kiosk_helpers.usb
make_kiosk = kiosk_helpers.make_kiosk


def test_idle_countdown_then_nothing_of_the_family_is_left(qtbot, make_kiosk, clock, store):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk, "en")
    i18n.set_interface_language(i18n.PSEUDO)  # the session's language: every text goes through it
    wizard = kiosk.wizard
    assert wizard is not None
    plan_ref = weakref.ref(wizard.plan)
    session = wizard.saver.session
    household = session.household_id
    del wizard  # the test's own reference would keep the window (and its plan) alive
    QGuiApplication.clipboard().setText(PARENT)

    clock.advance(119)
    kiosk.tick()
    assert not kiosk.countdown.isVisible()
    clock.advance(2)
    kiosk.tick()
    assert kiosk.countdown.isVisible()
    assert kiosk.countdown.remaining == 59
    question = i18n.translations(i18n.PSEUDO).gettext("Are you still here?")
    assert question != "Are you still here?"
    assert kiosk.countdown.question.text() == question
    assert "59" in kiosk.countdown.seconds.text()
    clock.advance(30)
    kiosk.tick()
    assert kiosk.countdown.remaining == 29

    ended: list[str] = []
    kiosk.session_ended.connect(ended.append)
    clock.advance(30)
    kiosk.tick()
    assert ended == ["idle"]
    assert not kiosk.countdown.isVisible()
    settle(qtbot)

    assert family_text_on_screen() == []
    assert plan_ref() is None
    assert plans_holding_family() == []
    assert QGuiApplication.clipboard().text() == ""
    assert i18n.interface_language() == "en"
    assert kiosk.wizard is not None and kiosk.wizard.stack.currentWidget() is kiosk.wizard.start
    assert kiosk.wizard.saver.session is None
    with pytest.raises(SessionLocked):
        _ = session.key  # the session key is forgotten
    # A plan started in this session and never chosen to be kept is gone with the session.
    with pytest.raises(HouseholdNotFound):
        store.unlock(household, PASSPHRASE)
    assert store.list_households() == []


def test_touching_the_screen_stops_the_countdown(qtbot, make_kiosk, clock):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    clock.advance(150)
    kiosk.tick()
    assert kiosk.countdown.isVisible()
    kiosk.countdown.stay.click()
    assert not kiosk.countdown.isVisible()
    clock.advance(100)
    kiosk.tick()
    assert kiosk.wizard is not None and kiosk.wizard.saver.session is not None
    # A key press anywhere counts as someone being there, too.
    clock.advance(100)
    qtbot.keyClick(kiosk.wizard.page("children").scroll_area, Qt.Key.Key_Shift)
    clock.advance(100)
    kiosk.tick()
    assert kiosk.wizard.saver.session is not None


def test_an_untouched_picker_is_left_alone(qtbot, make_kiosk, clock):
    kiosk = make_kiosk()
    wizard = kiosk.wizard
    clock.advance(10_000)
    kiosk.tick()
    assert kiosk.wizard is wizard and not kiosk.countdown.isVisible()


def test_quick_exit_clears_at_once(qtbot, make_kiosk):
    from tests.ui.kiosk_helpers import click

    kiosk = make_kiosk()
    start_family(qtbot, kiosk, "es")
    assert kiosk.wizard is not None
    plan_ref = weakref.ref(kiosk.wizard.plan)
    kiosk.wizard.go("print")
    click(kiosk.quick_exit)  # a real click, at the button's place on the screen
    settle(qtbot)
    assert family_text_on_screen() == []
    assert plan_ref() is None
    assert plans_holding_family() == []
    assert i18n.interface_language() == "en"
    # Inside every dialog, too: tests/ui/test_kiosk_dialogs.py.


def finish_with(qtbot, kiosk: KioskWindow, *, keep: bool, consent: bool) -> str:
    wizard = kiosk.wizard
    assert wizard is not None
    household = wizard.saver.session.household_id

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EndSessionDialog)
        dialog.choose(keep=keep, consent=consent)
        if keep:
            QTimer.singleShot(20, leave_receipt)
        dialog.done_button.click()

    def leave_receipt() -> None:
        receipt = QApplication.activeModalWidget()
        assert isinstance(receipt, ReceiptDialog)
        receipt.done_button.click()

    QTimer.singleShot(20, answer)
    wizard.go(wizard.pages[-1].key)
    wizard.go_next()  # Finish
    settle(qtbot)
    return household


def test_dont_keep_deletes_the_plan(qtbot, make_kiosk, store):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    household = finish_with(qtbot, kiosk, keep=False, consent=True)
    assert store.list_households() == []
    with pytest.raises(HouseholdNotFound):
        store.unlock(household, PASSPHRASE)
    assert family_text_on_screen() == []
    assert plans_holding_family() == []


def test_keep_without_consent_the_school_cannot_open_it(qtbot, make_kiosk, store):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    household = finish_with(qtbot, kiosk, keep=True, consent=False)
    assert [h.id for h in store.list_households()] == [household]
    assert store.consented_households() == []
    staff = store.unlock_staff(STAFF)
    with pytest.raises(NotShared):
        store.unlock_as_staff(household, staff)
    assert store.load(store.unlock(household, PASSPHRASE)).mode == Mode.KIOSK


def test_keep_with_consent_then_withdraw_on_a_later_visit(qtbot, make_kiosk, store):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    household = finish_with(qtbot, kiosk, keep=True, consent=True)
    assert [h.id for h in store.consented_households()] == [household]
    staff = store.unlock_staff(STAFF)
    assert store.load(store.unlock_as_staff(household, staff)).parents[0].name == PARENT
    # The family's own copy prints the consent and its date: it is in the plan itself.
    kept = store.load(store.unlock(household, PASSPHRASE))
    assert kept.record.school_may_reprint_since == kiosk.today()

    # Next visit: open the plan with the passphrase; the end dialog shows the consent given.
    assert kiosk.wizard is not None
    kiosk.wizard.open_household(household, PASSPHRASE)
    shown: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EndSessionDialog)
        shown.append(dialog.keep.isChecked() and dialog.consent.isChecked())
        dialog.consent.setChecked(False)
        QTimer.singleShot(20, lambda: QApplication.activeModalWidget().done_button.click())
        dialog.done_button.click()

    QTimer.singleShot(20, answer)
    kiosk.wizard.finish()
    settle(qtbot)
    assert shown == [True]
    assert store.consented_households() == []
    with pytest.raises(NotShared):
        store.unlock_as_staff(household, staff)
    assert [h.id for h in store.list_households()] == [household]
    withdrawn = store.load(store.unlock(household, PASSPHRASE))
    assert withdrawn.record.school_may_reprint_since is None


def test_end_dialog_tells_about_automatic_deletion(qtbot, store):
    dialog = EndSessionDialog(200, kept=False, consented=False, can_share=True)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "200 days" in texts and "deleted automatically" in texts
    assert not dialog.consent.isEnabled()  # nothing kept, nothing to reprint
    dialog.keep.setChecked(True)
    assert dialog.consent.isEnabled()


def test_stale_kiosk_plans_are_deleted_at_start(qtbot, db_path, clock, store):
    store.close()
    made_at = clock.now()
    with Store.open(db_path, clock=lambda: made_at) as old_store:
        old = old_store.create_household(Plan(mode=Mode.KIOSK), PASSPHRASE, kiosk=True)
        home = old_store.create_household(Plan(), PASSPHRASE)
        KioskSettings(retention_days=30).save(old_store)
    clock.advance(timedelta(days=29).total_seconds())
    with Store.open(db_path) as again:
        again.set_staff_passphrase(STAFF)
        kiosk = KioskWindow(again, clock=clock, home_language="en")
        assert kiosk.purged == []
        kiosk.allow_close = True
        kiosk.close()
        kiosk.deleteLater()
        clock.advance(timedelta(days=2).total_seconds())
        kiosk = KioskWindow(again, clock=clock, home_language="en")
        assert kiosk.purged == [old.household_id]
        assert [h.id for h in again.list_households()] == [home.household_id]  # home plans stay
        kiosk.allow_close = True
        kiosk.close()
        kiosk.deleteLater()
        settle(qtbot)


def test_closing_the_window_needs_the_staff_passphrase(qtbot, make_kiosk):
    kiosk = make_kiosk()
    left: list[bool] = []
    kiosk.leave.connect(lambda: left.append(True))
    attempts: list[str] = []

    def answer(passphrase: str, then: Callable[[], None] | None) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StaffUnlockDialog)
        dialog.passphrase.setText(passphrase)
        dialog.ok.click()
        attempts.append(dialog.error.text() if dialog.isVisible() else "")
        if dialog.isVisible():
            dialog.reject()
        if then:
            QTimer.singleShot(20, then)

    QTimer.singleShot(20, lambda: answer("not the staff passphrase", None))
    kiosk.close()  # Alt+F4: ignored, the staff passphrase is asked instead
    qtbot.waitUntil(lambda: len(attempts) == 1)
    assert kiosk.isVisible() and not left
    assert attempts[0] == WrongPassphrase().message.render()

    def leave() -> None:
        panel = QApplication.activeModalWidget()
        assert isinstance(panel, StaffPanel)
        panel.leave_button.click()

    QTimer.singleShot(20, lambda: answer(STAFF, leave))
    assert kiosk.ask_staff() is True
    assert left == [True]
    assert not kiosk.isVisible()


def test_staff_change_the_settings(qtbot, make_kiosk, store):
    kiosk = make_kiosk()

    def unlock() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, StaffUnlockDialog)
        dialog.passphrase.setText(STAFF)
        dialog.ok.click()
        QTimer.singleShot(20, settings)

    def settings() -> None:
        panel = QApplication.activeModalWidget()
        assert isinstance(panel, StaffPanel)
        panel.days.setValue(90)
        panel.close_after.setValue(300)
        panel.warn.setValue(240)
        panel.save_button.click()

    QTimer.singleShot(20, unlock)
    assert kiosk.ask_staff() is False
    assert KioskSettings.load(store) == KioskSettings(90, 240, 300)
    assert kiosk.settings.close_after_s == 300


def test_first_run_staff_setup(qtbot, store):
    dialog = StaffSetupDialog(store)
    qtbot.addWidget(dialog)
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog.ok.click()
    assert dialog.error.isVisibleTo(dialog) and not store.has_staff_key()
    dialog.first.setText(STAFF)
    dialog.second.setText(STAFF + "x")
    dialog.ok.click()
    assert not store.has_staff_key()
    dialog.second.setText(STAFF)
    dialog.ok.click()
    assert store.has_staff_key()
    store.unlock_staff(STAFF)


def test_no_private_section_and_no_file_dialog(qtbot, make_kiosk, usb, tmp_path):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    wizard = kiosk.wizard
    assert wizard is not None
    legal = wizard.page("legal")
    assert legal.private_form is None  # never built at a kiosk
    assert "A-number" not in " ".join(label.text() for label in legal.findChildren(QLabel))
    page = wizard.page("print")
    page.choose(["school-letter"], "en")
    page.make_documents()
    qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
    # No USB drive: said plainly, and no file dialog opens.
    page.export_button.click()
    assert "No USB drive" in page.status.text()
    assert QApplication.activeModalWidget() is None
    drive = tmp_path / "usb-stick"
    drive.mkdir()
    usb.append(drive)
    page.export_button.click()
    written = list(drive.rglob("*.pdf"))
    assert [p.name for p in written] == ["school-letter-en.pdf"]
    assert written[0].parent.name.startswith("prepkit-")
    assert PARENT.split()[0] not in str(written[0])
    copies = kiosk.store.copies(wizard.saver.session)
    assert [(c.document, c.action) for c in copies] == [("school_letter", "export")]


def test_removable_volumes_are_mount_points_only(tmp_path):
    user = tmp_path / "media" / "liaison"
    stick = user / "KINGSTON"
    stick.mkdir(parents=True)
    (tmp_path / "media" / "leftover").mkdir()
    mounts = {stick}
    found = media.removable_volumes([tmp_path / "media", tmp_path / "nothing"],
                                    is_mount=lambda p: p in mounts)
    assert found == [stick]
    assert media.removable_volumes([tmp_path / "nothing"]) == []


@pytest.mark.parametrize("language", ["so", "ne", "en"])
def test_end_dialog_sentences_wrap_to_fit_a_small_screen(qtbot, language):
    from tests.ui.kiosk_helpers import click

    i18n.set_interface_language(language)
    dialog = EndSessionDialog(365, kept=False, consented=False, can_share=True)
    qtbot.addWidget(dialog)
    dialog.show()
    # Somali's sentences made the unwrapped radio buttons 1062 px wide: past a 1024 px screen.
    assert dialog.sizeHint().width() <= 760, dialog.sizeHint()
    assert dialog.width() <= 760
    for row in (dialog.keep_nothing_row, dialog.keep_row, dialog.consent_row):
        assert row.label.wordWrap() and row.label.text()
        assert row.button.accessibleName() == row.label.text()
        assert row.label.height() >= row.label.heightForWidth(row.label.width())  # all shown
    # The words are part of the choice: clicking them chooses.
    click(dialog.keep_row.label)
    assert dialog.keep.isChecked() and dialog.consent.isEnabled()
    click(dialog.consent_row.label)
    assert dialog.consent.isChecked()
    click(dialog.keep_nothing_row.label)
    assert dialog.keep_nothing.isChecked() and not dialog.consent.isEnabled()
    click(dialog.consent_row.label)  # disabled: the words do nothing either
    assert dialog.consent.isChecked() and not dialog.consents()


def test_a_printer_that_writes_files_is_refused(qtbot, make_kiosk, tmp_path):
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

    from prepkit.ui.kiosk.output import NOT_PAPER, refusal
    from tests.ui.kiosk_helpers import click, modal

    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    assert kiosk.wizard is not None
    kiosk.wizard.go("print")
    page = kiosk.wizard.page("print")
    page.choose(["school-letter"], "en")
    page.make_documents()
    qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
    seen: list[object] = []

    def accept() -> None:
        dialog = modal()
        assert isinstance(dialog, QPrintDialog)
        seen.append(dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile))
        dialog.accept()  # no printer on this machine: Qt falls back to writing a PDF file

    QTimer.singleShot(50, accept)
    click(page.print_button)
    assert seen == [False]  # "print to file" is not offered
    assert page.status.text() == NOT_PAPER
    assert kiosk.store.copies(kiosk.wizard.saver.session) == []  # nothing was printed
    # The check itself: a PDF writer, a file name, no printer name, a printer named for files.
    pdf = QPrinter()
    pdf.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert refusal(pdf) == NOT_PAPER
    to_file = QPrinter()
    to_file.setOutputFileName(str(tmp_path / "x.pdf"))
    assert refusal(to_file) == NOT_PAPER


def test_the_picker_has_the_keyboard_focus_not_the_staff_button(qtbot, make_kiosk):
    from tests.ui.kiosk_helpers import click

    kiosk = make_kiosk()
    kiosk.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk)
    assert kiosk.wizard is not None
    assert QApplication.focusWidget() is kiosk.wizard.start.new_button
    start_family(qtbot, kiosk)
    click(kiosk.quick_exit)  # and again for the next family
    settle(qtbot)
    assert QApplication.focusWidget() is kiosk.wizard.start.new_button
