"""Kiosk dialogs: a half-typed passphrase on the picker times out like a plan left open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from prepkit.store import Store
from prepkit.ui.dialogs import NewPassphraseDialog, OpenPlanDialog
from tests.ui import kiosk_helpers
from tests.ui.conftest import PASSPHRASE
from tests.ui.kiosk_helpers import (
    all_texts,
    click,
    modal,
    settle,
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
