"""The end of a kiosk session: the family leaves with paper that shows their choice and its
date; kept plans are found again by a plan number; old plans go on time in a running kiosk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from prepkit import i18n
from prepkit.store import HouseholdNotFound, Store
from prepkit.ui.counselor import CounselorWindow
from prepkit.ui.kiosk.plans import KioskOpenPlanDialog, plan_number
from prepkit.ui.kiosk.receipt import AGREED, NOT_SHARED, TOOK_BACK, ReceiptDialog
from prepkit.ui.kiosk.session import EndSessionDialog
from prepkit.ui.kiosk.settings import KioskSettings
from prepkit.ui.kiosk.shell import KioskWindow
from tests.ui import kiosk_helpers
from tests.ui.conftest import PASSPHRASE
from tests.ui.kiosk_helpers import STAFF, click, modal, settle, start_family

clock = kiosk_helpers.clock
usb = kiosk_helpers.usb
make_kiosk = kiosk_helpers.make_kiosk

DAY = timedelta(days=1).total_seconds()


@pytest.fixture
def store(db_path: Path, clock) -> Iterator[Store]:
    """The store's timestamps come from the kiosk's fake clock: days can pass in a test."""
    opened = Store.open(db_path, clock=clock.now)
    yield opened
    opened.close()


def pdf_text(path: Path) -> str:
    reader = PdfReader(BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def finish(qtbot, kiosk: KioskWindow, *, keep: bool, consent: bool | None,
           on_receipt=None) -> dict[str, object]:
    """Press Finish, make the choices with real clicks, then act on the choices page."""
    seen: dict[str, object] = {}

    def choose() -> None:
        dialog = modal()
        assert isinstance(dialog, EndSessionDialog)
        click(dialog.keep if keep else dialog.keep_nothing)
        if consent is not None and dialog.consent.isChecked() != consent:
            click(dialog.consent_row.label)  # the words, like a finger would
        QTimer.singleShot(20, receipt)
        click(dialog.done_button)

    def receipt() -> None:
        page = QApplication.activeModalWidget()
        if not isinstance(page, ReceiptDialog):
            seen["receipt"] = None
            return
        seen["receipt"] = page.choices
        seen["shown"] = [label.text() for label in page.labels]
        if on_receipt is not None:
            on_receipt(page, seen)
        click(page.done_button)

    wizard = kiosk.wizard
    assert wizard is not None
    seen["household"] = wizard.saver.session.household_id
    QTimer.singleShot(20, choose)
    wizard.go(wizard.pages[-1].key)
    click(wizard.next)  # Finish
    qtbot.waitUntil(lambda: "receipt" in seen)
    settle(qtbot)
    return seen


def save_receipt(drive: Path):
    def act(page: ReceiptDialog, seen: dict[str, object]) -> None:
        before = set(drive.rglob("*.pdf"))
        click(page.save_button)
        seen["files"] = sorted(set(drive.rglob("*.pdf")) - before)
    return act


def test_consent_and_its_date_on_paper_the_same_day_then_taken_back(
        qtbot, make_kiosk, store, usb, tmp_path, clock):
    drive = tmp_path / "USB"
    drive.mkdir()
    usb.append(drive)
    kiosk = make_kiosk()
    start_family(qtbot, kiosk, "es")
    seen = finish(qtbot, kiosk, keep=True, consent=True, on_receipt=save_receipt(drive))
    household = str(seen["household"])
    today = kiosk.today()
    files = seen["files"]
    assert isinstance(files, list) and [f.name for f in files] == ["kiosk-choices-es+en.pdf"]
    assert files[0].parent.name.startswith("prepkit-")
    text = pdf_text(files[0])
    spanish = i18n.translations("es").gettext(AGREED)
    assert spanish != AGREED  # the family's language, really
    assert spanish.format(date=i18n.format_date(today, "es", "long")) in text
    assert AGREED.format(date=i18n.format_date(today, "en", "long")) in text
    assert plan_number(household) in text
    assert "Zoraida" not in text and "Maximiliano" not in text  # nothing personal on it
    # What the screen said is what the paper says, in the session's language.
    shown = seen["shown"]
    assert isinstance(shown, list) and spanish.format(
        date=i18n.format_date(today, "es", "long")) in shown
    assert [h.id for h in store.consented_households()] == [household]

    # A later visit: the family takes the consent back; the new page says so, and no more
    # that they agreed.
    clock.advance(3 * DAY)
    assert kiosk.wizard is not None
    kiosk.wizard.open_household(household, PASSPHRASE)
    seen = finish(qtbot, kiosk, keep=True, consent=False, on_receipt=save_receipt(drive))
    files = seen["files"]
    assert isinstance(files, list) and len(files) == 1
    text = pdf_text(files[0])
    assert TOOK_BACK.format(date=i18n.format_date(kiosk.today(), "en", "long")) in text
    assert "you agreed" not in text
    assert i18n.translations("es").gettext(AGREED)[:20] not in text
    assert store.consented_households() == []


def test_kept_without_consent_says_the_school_cannot_open_it(qtbot, make_kiosk, store):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    seen = finish(qtbot, kiosk, keep=True, consent=False)
    shown = seen["shown"]
    assert isinstance(shown, list) and NOT_SHARED in shown
    retention = kiosk.settings.retention_days
    until = i18n.format_date(kiosk.today() + timedelta(days=retention), "en", "long")
    assert any(until in line for line in shown)


def test_keep_nothing_needs_no_page(qtbot, make_kiosk, store):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    seen = finish(qtbot, kiosk, keep=False, consent=None)
    assert seen["receipt"] is None
    assert store.list_households() == []


def test_the_plan_number_finds_the_plan_again(qtbot, make_kiosk, store, clock):
    kiosk = make_kiosk()
    start_family(qtbot, kiosk)
    number = plan_number(str(finish(qtbot, kiosk, keep=True, consent=False)["household"]))
    clock.advance(DAY)
    start_family(qtbot, kiosk)  # the next family keeps a plan too
    second = plan_number(str(finish(qtbot, kiosk, keep=True, consent=False)["household"]))
    assert number != second
    listed: list[str] = []

    def look() -> None:
        dialog = modal()
        assert isinstance(dialog, KioskOpenPlanDialog)
        listed.extend(dialog.choice.itemText(i) for i in range(dialog.choice.count()))
        dialog.reject()

    QTimer.singleShot(30, look)
    assert kiosk.wizard is not None
    click(kiosk.wizard.start.open_button)
    assert len(listed) == 2
    assert any(line.startswith(f"Plan {number}, last changed on ") for line in listed)
    assert any(line.startswith(f"Plan {second}, last changed on ") for line in listed)
    assert all(" at " in line for line in listed)  # and the time of day


# --- old plans go, in a kiosk that runs for weeks and at the counselor's desk ----------------

def keep_a_plan(qtbot, kiosk: KioskWindow, *, consent: bool = False) -> str:
    start_family(qtbot, kiosk)
    return str(finish(qtbot, kiosk, keep=True, consent=consent)["household"])


def test_a_running_kiosk_deletes_old_plans_once_a_day(qtbot, make_kiosk, store, clock):
    KioskSettings(retention_days=30).save(store)
    kiosk = make_kiosk()
    household = keep_a_plan(qtbot, kiosk)
    clock.advance(29 * DAY)
    kiosk.tick()  # a day has passed since the last purge: checked, but not old enough
    assert [h.id for h in store.list_households()] == [household]
    clock.advance(2 * DAY)
    kiosk.tick()
    assert store.list_households() == []
    assert kiosk.purged == [household]
    with pytest.raises(HouseholdNotFound):
        store.unlock(household, PASSPHRASE)


def test_never_under_a_plan_that_is_open(qtbot, make_kiosk, store, clock):
    KioskSettings(retention_days=30).save(store)
    kiosk = make_kiosk()
    household = keep_a_plan(qtbot, kiosk)
    clock.advance(31 * DAY)
    assert kiosk.wizard is not None
    kiosk.wizard.open_household(household, PASSPHRASE)  # the family came back just in time
    kiosk.idle.touch()
    kiosk.tick()
    assert [h.id for h in store.list_households()] == [household]


def test_each_new_session_deletes_old_plans_first(qtbot, make_kiosk, store, clock):
    KioskSettings(retention_days=30).save(store)
    kiosk = make_kiosk()
    household = keep_a_plan(qtbot, kiosk)
    clock.advance(31 * DAY)
    start_family(qtbot, kiosk)  # no tick: only the end of this session runs the purge
    click(kiosk.quick_exit)
    settle(qtbot)
    assert store.list_households() == []
    assert household in kiosk.purged


def test_the_counselors_desk_deletes_old_plans_when_it_opens(qtbot, make_kiosk, store, clock):
    KioskSettings(retention_days=30).save(store)
    kiosk = make_kiosk()
    old = keep_a_plan(qtbot, kiosk, consent=True)
    clock.advance(20 * DAY)
    fresh = keep_a_plan(qtbot, kiosk, consent=True)
    clock.advance(11 * DAY)
    desk = CounselorWindow(store, store.unlock_staff(STAFF), now=clock.now)
    qtbot.addWidget(desk)
    assert [f.household_id for f in desk.families] == [fresh]
    assert [h.id for h in store.list_households()] == [fresh]
    assert desk.purged == [old]
