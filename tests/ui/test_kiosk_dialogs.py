"""Kiosk dialogs: a half-typed passphrase on the picker times out, and "Quick exit" can be
pressed, by a real click through the window system, inside every dialog a family meets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from prepkit.store import HouseholdNotFound, Store
from prepkit.ui.dialogs import NewPassphraseDialog, OpenPlanDialog
from prepkit.ui.kiosk import quickexit
from prepkit.ui.kiosk.output import UsbChooser
from prepkit.ui.kiosk.plans import KEEPING_RULE, KioskPassphraseDialog
from prepkit.ui.kiosk.receipt import ReceiptDialog
from prepkit.ui.kiosk.session import Countdown, EndSessionDialog
from prepkit.ui.kiosk.shell import KioskWindow
from prepkit.ui.kiosk.staff import StaffUnlockDialog
from tests.ui import kiosk_helpers
from tests.ui.conftest import PASSPHRASE
from tests.ui.kiosk_helpers import (
    all_texts,
    click,
    family_text_on_screen,
    modal,
    plans_holding_family,
    settle,
    start_family,
)

clock = kiosk_helpers.clock
usb = kiosk_helpers.usb
make_kiosk = kiosk_helpers.make_kiosk

TYPED = "previousfamily"  # what someone typed into a passphrase field and walked away from


def kept_plan(store: Store) -> str:
    """A plan the previous family kept here: the "Open a saved plan" list is not empty."""
    from prepkit.plan import Mode, Plan

    session = store.create_household(Plan(mode=Mode.KIOSK), PASSPHRASE, kiosk=True)
    session.forget()
    return session.household_id


def no_dialog_left() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()]


def close_everything() -> None:
    for dialog in no_dialog_left():
        dialog.reject()


@pytest.mark.parametrize("which", ["open", "new"])
def test_a_passphrase_typed_on_the_picker_times_out(qtbot, make_kiosk, clock, store, which):
    kept_plan(store)
    kiosk = make_kiosk()
    ended: list[str] = []
    kiosk.session_ended.connect(ended.append)
    seen: dict[str, object] = {}

    def inside() -> None:
        dialog = modal()
        seen["dialog"] = type(dialog)
        field = dialog.passphrase if which == "open" else dialog.first
        qtbot.keyClicks(field, TYPED)
        clock.advance(100)
        kiosk.tick()
        seen["used"] = kiosk.in_use()
        clock.advance(21)  # two minutes without a touch: the countdown, over the dialog
        kiosk.tick()
        seen["countdown"] = kiosk.countdown.isVisible()
        clock.advance(60)  # three minutes: the session closes, the dialog with it
        kiosk.tick()
        seen["dialogs"] = no_dialog_left()
        close_everything()  # if it did not, the test must fail, not hang

    QTimer.singleShot(30, inside)
    assert kiosk.wizard is not None
    start = kiosk.wizard.start
    click(start.open_button if which == "open" else start.new_button)  # returns when closed
    settle(qtbot)
    assert issubclass(seen["dialog"], OpenPlanDialog if which == "open" else NewPassphraseDialog)
    assert seen["used"] is True
    assert seen["countdown"] is True
    assert seen["dialogs"] == []
    assert ended == ["idle"]
    assert not [t for t in all_texts() if TYPED in t]  # not on screen, not in a hidden widget
    kiosk.tick()  # the next tick (a second later) deletes the emptied dialogs too
    settle(qtbot)
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, OpenPlanDialog | NewPassphraseDialog)]
    assert kiosk.wizard.stack.currentWidget() is kiosk.wizard.start


def test_an_empty_dialog_left_open_on_the_picker_is_closed_too(qtbot, make_kiosk, clock):
    kiosk = make_kiosk()
    seen: list[bool] = []

    def inside() -> None:
        clock.advance(10_000)
        kiosk.tick()
        seen.append(bool(no_dialog_left()))
        close_everything()

    QTimer.singleShot(30, inside)
    assert kiosk.wizard is not None
    click(kiosk.wizard.start.new_button)
    assert seen == [False]


# --- Quick exit inside every dialog ------------------------------------------------------

def _finish(kiosk: KioskWindow) -> None:
    wizard = kiosk.wizard
    assert wizard is not None
    wizard.go(wizard.pages[-1].key)
    click(wizard.next)  # Finish


def _to_receipt(kiosk: KioskWindow) -> None:
    def keep() -> None:
        dialog = modal()
        assert isinstance(dialog, EndSessionDialog)
        click(dialog.keep)
        click(dialog.done_button)  # the receipt opens from here

    QTimer.singleShot(20, keep)
    _finish(kiosk)


def _documents_page(qtbot, kiosk: KioskWindow):
    wizard = kiosk.wizard
    assert wizard is not None
    wizard.go("print")
    page = wizard.page("print")
    page.choose(["school-letter"], "en")
    page.make_documents()
    qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
    return page


def _usb_chooser(qtbot, kiosk: KioskWindow, usb: list[Path], tmp_path: Path) -> None:
    page = _documents_page(qtbot, kiosk)
    for name in ("KINGSTON", "SANDISK"):
        (tmp_path / name).mkdir()
        usb.append(tmp_path / name)
    click(page.export_button)


def _print_dialog(qtbot, kiosk: KioskWindow, usb: list[Path], tmp_path: Path) -> None:
    click(_documents_page(qtbot, kiosk).print_button)


def _remove(qtbot, kiosk: KioskWindow, usb: list[Path], tmp_path: Path) -> None:
    assert kiosk.wizard is not None
    click(kiosk.wizard.page("children").items.remove_button)


# name: (family in a session first?, what opens the dialog, the dialog's type)
SCENARIOS: dict[str, tuple[bool, Callable[..., None], type]] = {
    "new passphrase": (False, lambda q, k, u, t: click(k.wizard.start.new_button),
                       NewPassphraseDialog),
    "open a saved plan": (False, lambda q, k, u, t: click(k.wizard.start.open_button),
                          OpenPlanDialog),
    "end of session": (True, lambda q, k, u, t: _finish(k), EndSessionDialog),
    "choices page": (True, lambda q, k, u, t: _to_receipt(k), ReceiptDialog),
    "USB chooser": (True, _usb_chooser, UsbChooser),
    "remove confirmation": (True, _remove, QMessageBox),
    "print dialog": (True, _print_dialog, QPrintDialog),
    "staff passphrase": (True, lambda q, k, u, t: click(k.staff_button), StaffUnlockDialog),
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_quick_exit_inside_a_modal_dialog(qtbot, make_kiosk, store, usb, tmp_path, scenario):
    family, open_it, kind = SCENARIOS[scenario]
    if not family:
        kept_plan(store)
    kiosk = make_kiosk()
    if family:
        start_family(qtbot, kiosk)
    ended: list[str] = []
    kiosk.session_ended.connect(ended.append)
    seen: dict[str, object] = {}

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (isinstance(dialog, EndSessionDialog) and kind is ReceiptDialog):
            QTimer.singleShot(20, inside)  # not there yet (documents being made, a choice)
            return
        seen["dialog"] = dialog
        layout = dialog.layout()
        seen["fits"] = isinstance(dialog, QMessageBox) or layout is None or \
            dialog.height() >= layout.totalHeightForWidth(dialog.width())
        try:
            # The kiosk's own button is behind the modal dialog: a finger cannot reach it.
            click(kiosk.quick_exit)
            seen["through the dialog"] = list(ended)
            button = quickexit.find(dialog)
            seen["visible"] = button is not None and button.isVisible()
            if button is not None:
                seen["text"] = button.text()
                click(button)
        finally:
            close_everything()  # a failure must not leave the test waiting on a dialog

    QTimer.singleShot(40, inside)
    open_it(qtbot, kiosk, usb, tmp_path)
    settle(qtbot)
    assert isinstance(seen["dialog"], kind)
    assert seen["fits"] is True  # tall enough for its wrapped sentences on this screen
    assert seen["through the dialog"] == []
    assert seen["visible"] is True and seen["text"] == "Quick exit"
    assert ended == ["quick_exit"]
    assert no_dialog_left() == []
    assert family_text_on_screen() == []
    assert plans_holding_family() == []
    assert kiosk.wizard is not None and kiosk.wizard.saver.session is None
    if family and kind is not ReceiptDialog:  # never chosen to be kept: gone
        assert len(store.list_households()) == 0
    if kind is ReceiptDialog:  # the family chose to keep it before pressing Quick exit
        assert len(store.list_households()) == 1


def test_quick_exit_in_the_countdown(qtbot, make_kiosk, clock, store):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    ended: list[str] = []
    kiosk.session_ended.connect(ended.append)
    clock.advance(130)
    kiosk.tick()
    assert kiosk.countdown.isVisible() and QApplication.activeModalWidget() is kiosk.countdown
    click(kiosk.quick_exit)  # behind the countdown
    assert ended == []
    button = quickexit.find(kiosk.countdown)
    assert isinstance(kiosk.countdown, Countdown) and button is not None
    click(button)
    settle(qtbot)
    assert ended == ["quick_exit"] and not kiosk.countdown.isVisible()
    assert family_text_on_screen() == [] and store.list_households() == []


def test_a_reopened_kept_plan_survives_quick_exit_with_its_edits(qtbot, make_kiosk, store):
    household = kept_plan(store)
    kiosk = make_kiosk()
    assert kiosk.wizard is not None
    kiosk.wizard.open_household(household, PASSPHRASE)
    kiosk.wizard.plan.record.family_language = "so"
    kiosk.wizard.saver.changed()
    click(kiosk.quick_exit)
    settle(qtbot)
    plan = store.load(store.unlock(household, PASSPHRASE))
    assert plan.record.family_language == "so"


def test_the_passphrase_dialog_says_the_rule_on_keeping(qtbot, make_kiosk, store):
    kiosk = make_kiosk()
    seen: list[str] = []

    def inside() -> None:
        dialog = modal()
        assert isinstance(dialog, KioskPassphraseDialog)
        seen.append(dialog.rule.text() if dialog.rule.isVisible() else "")
        dialog.reject()

    QTimer.singleShot(30, inside)
    assert kiosk.wizard is not None
    click(kiosk.wizard.start.new_button)
    assert seen == [KEEPING_RULE]
    assert "only if you press Finish and choose to keep it" in seen[0]
    assert "Quick exit" in seen[0] and "deleted" in seen[0]


def test_the_rule_is_kept_a_timed_out_new_plan_is_deleted(qtbot, make_kiosk, clock, store):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    assert kiosk.wizard is not None
    household = kiosk.wizard.saver.session.household_id
    clock.advance(200)
    kiosk.tick()
    settle(qtbot)
    with pytest.raises(HouseholdNotFound):
        store.unlock(household, PASSPHRASE)
