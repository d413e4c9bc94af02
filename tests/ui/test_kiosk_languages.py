"""The kiosk and the counselor's desk in the pseudo-language: every visible text comes through
prepkit's catalog (wrapped in ⟦ ⟧), built in it and after a live switch; user data is exempt."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from prepkit import i18n
from prepkit.ui.counselor import CounselorWindow
from prepkit.ui.kiosk.output import UsbChooser
from prepkit.ui.kiosk.plans import KioskOpenPlanDialog, KioskPassphraseDialog
from prepkit.ui.kiosk.receipt import Choices, ReceiptDialog
from prepkit.ui.kiosk.session import EndSessionDialog
from prepkit.ui.kiosk.settings import KioskSettings
from prepkit.ui.kiosk.staff import StaffPanel, StaffSetupDialog, StaffUnlockDialog
from tests.ui import kiosk_helpers
from tests.ui.conftest import PASSPHRASE
from tests.ui.kiosk_helpers import STAFF, start_family
from tests.ui.test_languages import untranslated

clock = kiosk_helpers.clock
usb = kiosk_helpers.usb
make_kiosk = kiosk_helpers.make_kiosk

PSEUDO = i18n.PSEUDO
CHOICES = Choices("K7Q-F3M", date(2025, 1, 6), date(2026, 1, 6), date(2025, 1, 6))


def marked(text: str) -> bool:
    return "⟦" in text


def dialogs(store) -> dict[str, Callable[[], QDialog]]:
    """Every dialog of the kiosk and the desk, built on demand in the current language."""
    households = store.list_households()
    return {
        "end of session": lambda: EndSessionDialog(365, kept=True, consented=True,
                                                   can_share=True),
        "choices page": lambda: ReceiptDialog(CHOICES, "es", now=lambda: None,  # type: ignore
                                              finder=list),
        "USB chooser": lambda: UsbChooser([Path("/media/x/KINGSTON"), Path("/media/x/SD")]),
        "new passphrase": lambda: KioskPassphraseDialog(),
        "open a saved plan": lambda: KioskOpenPlanDialog(households, store.unlock),
        "staff setup": lambda: StaffSetupDialog(store),
        "staff passphrase": lambda: StaffUnlockDialog(store),
        "staff panel": lambda: StaffPanel(KioskSettings()),
    }


def look(qtbot, widget: QWidget) -> list[str]:
    qtbot.addWidget(widget)
    widget.show()
    return untranslated(widget)


@pytest.fixture
def kept(store) -> str:
    from prepkit.plan import Mode, Plan

    session = store.create_household(Plan(mode=Mode.KIOSK), PASSPHRASE, kiosk=True)
    return session.household_id


def test_every_kiosk_dialog_built_in_the_pseudo_language(qtbot, store, kept):
    i18n.set_interface_language(PSEUDO)
    for name, make in dialogs(store).items():
        dialog = make()
        assert look(qtbot, dialog) == [], name
        assert marked(dialog.windowTitle()), name


def test_every_kiosk_dialog_follows_a_live_switch(qtbot, store, kept):
    made = {name: make() for name, make in dialogs(store).items()}
    for dialog in made.values():
        qtbot.addWidget(dialog)
        dialog.show()
    assert all(untranslated(d) for d in made.values())  # English: the walk sees them
    i18n.set_interface_language(PSEUDO)
    for name, dialog in made.items():
        assert untranslated(dialog) == [], name
    i18n.set_interface_language("en")
    for name, dialog in made.items():
        assert not [t for t in (dialog.windowTitle(),) if marked(t)], name


def test_the_kiosk_window_and_its_countdown_follow_a_live_switch(qtbot, make_kiosk, clock):
    kiosk = make_kiosk()
    assert kiosk.quick_exit.text() == "Quick exit"
    i18n.set_interface_language(PSEUDO)
    assert untranslated(kiosk) == []
    for text in (kiosk.quick_exit.text(), kiosk.staff_button.text(), kiosk.kiosk_label.text(),
                 kiosk.quick_exit.toolTip(), kiosk.windowTitle()):
        assert marked(text), text
    i18n.set_interface_language("en")
    assert kiosk.quick_exit.text() == "Quick exit" and kiosk.kiosk_label.text() == "School kiosk"
    # A family in a session; the countdown is up when the language changes under it.
    start_family(qtbot, kiosk)
    clock.advance(130)
    kiosk.tick()
    assert kiosk.countdown.isVisible()
    i18n.set_interface_language(PSEUDO)
    assert untranslated(kiosk.countdown) == []
    assert untranslated(kiosk) == []


def test_the_counselors_desk_in_the_pseudo_language(qtbot, store, tmp_path):
    from tests.ui.test_counselor import add, family_plan

    store.set_staff_passphrase(STAFF)
    add(store, family_plan("Lucía Torres", "Sofía Torres"), consent=True)
    add(store, family_plan("Amina Yusuf", "Hodan Yusuf", "so"), consent=True)
    desk = CounselorWindow(store, store.unlock_staff(STAFF))
    qtbot.addWidget(desk)
    desk.show()
    desk.set_current_row(0)
    desk.open_current()
    qtbot.waitUntil(lambda: desk.preview.page_count() > 0, timeout=30000)
    folder = tmp_path / "out"
    folder.mkdir()
    desk.choose_folder = lambda: folder
    desk.export_selected()
    qtbot.waitUntil(lambda: desk.last_result is not None, timeout=30000)
    assert desk.status.text() == "Saved 1 file."

    def headers() -> list[str]:
        model = desk.table.model()
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    assert headers() == ["Parents", "Children", "Language", "Last changed"]
    i18n.set_interface_language(PSEUDO)  # live, with a status line and a preview showing
    assert untranslated(desk) == []
    assert all(marked(h) for h in headers())
    assert marked(desk.status.text()) and marked(desk.count_label.text())
    viewed = desk.family(desk.viewing)
    assert viewed is not None and viewed.parents in desk.preview_label.text()
    assert marked(desk.preview_label.text())
    assert all(marked(desk.document.itemText(i)) for i in range(desk.document.count()))
    # Built in it, too.
    again = CounselorWindow(store, store.unlock_staff(STAFF))
    assert look(qtbot, again) == []
    assert all(marked(again.table.model().headerData(c, Qt.Orientation.Horizontal))
               for c in range(4))
