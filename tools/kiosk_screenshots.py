"""Screenshots of the school kiosk and the counselor's desk, for docs/screenshots/.

    python tools/kiosk_screenshots.py [--out docs/screenshots]

Offscreen, on a throwaway data file with made-up families and a fake clock (the countdown is
shown by moving the clock, not by waiting two minutes).  Re-runnable: PNGs are overwritten.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from prepkit import crypto, i18n
from prepkit.plan import Child, Mode, Parent, Plan

SIZE = (1280, 800)
STAFF = "made-up staff passphrase"
FAMILIES = [
    ("Ana Morales", "Lucía Morales", "es"),
    ("Amina Yusuf", "Hodan Yusuf", "so"),
    ("Bishnu Gurung", "Sita Gurung", "ne"),
    ("Fatima Haidari", "Omid Haidari", "fa_AF"),
    ("Wei Chen", "Lily Chen", "zh_Hans"),
    ("Jean-Baptiste Pierre", "Mia Pierre", "ht"),
    ("Rosa Mendes", "Tiago Mendes", "pt_BR"),
]


def settle(app: QApplication, seconds: float = 0.0) -> None:
    """Let Qt paint; QPdfView renders its pages asynchronously, so give it time."""
    end = time.monotonic() + seconds
    while True:
        for _ in range(5):
            app.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.05)


def over(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window, dimmed, with the dialog drawn where it stands on the screen."""
    shot = window.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 110))
    if dialog.width() > shot.width() - 40:
        dialog.resize(shot.width() - 40, dialog.height())
    where = QPoint((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 2)
    painter.drawPixmap(where, dialog.grab())
    painter.end()
    return shot


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    crypto.DEFAULT_KDF = crypto.KdfParams(time_cost=1, memory_kib=8, parallelism=1)

    from prepkit.store import Store
    from prepkit.ui import qtsetup, style
    from prepkit.ui.app import make_app
    from prepkit.ui.counselor import CounselorWindow
    from prepkit.ui.kiosk.clock import FakeClock
    from prepkit.ui.kiosk.plans import KioskPassphraseDialog, plan_number
    from prepkit.ui.kiosk.receipt import Choices, ReceiptDialog
    from prepkit.ui.kiosk.session import EndSessionDialog
    from prepkit.ui.kiosk.shell import KioskWindow

    app = make_app([])
    qtsetup.register_fonts()
    qtsetup.apply_look(app, style.Look())
    i18n.set_interface_language("en")
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "kiosk.sqlite3") as store:
        store.set_staff_passphrase(STAFF)
        clock = FakeClock()
        kiosk = KioskWindow(store, clock=clock, home_language="en")
        kiosk.timer.stop()
        kiosk.resize(*SIZE)
        kiosk.show()
        settle(app)
        kiosk.grab().save(str(out / "kiosk-language-picker.png"))

        passphrase = KioskPassphraseDialog(kiosk)
        passphrase.show()
        settle(app)
        over(kiosk, passphrase).save(str(out / "kiosk-passphrase.png"))
        passphrase.reject()
        passphrase.deleteLater()

        wizard = kiosk.wizard
        assert wizard is not None
        wizard.start.language_buttons["en"].click()
        wizard.start_new_plan("made-up family passphrase")
        wizard.go("children")
        settle(app)
        clock.advance(143)
        kiosk.tick()
        settle(app)
        over(kiosk, kiosk.countdown).save(str(out / "kiosk-countdown.png"))
        kiosk.still_here()

        wizard.go(wizard.pages[-1].key)
        end = EndSessionDialog(365, kept=True, consented=True, can_share=True, parent=kiosk)
        end.show()
        settle(app)
        over(kiosk, end).save(str(out / "kiosk-end-session.png"))
        end.reject()
        end.deleteLater()

        today = clock.now().date()
        choices = Choices(plan_number(wizard.saver.session.household_id), today,
                          today.replace(year=today.year + 1), today)
        receipt = ReceiptDialog(choices, "es", now=clock.now, finder=list, parent=kiosk)
        receipt.show()
        settle(app)
        over(kiosk, receipt).save(str(out / "kiosk-choices.png"))
        receipt.reject()
        receipt.deleteLater()
        kiosk.end_session("quick_exit")
        kiosk.allow_close = True
        kiosk.close()

        for parent, child, lang in FAMILIES:
            plan = Plan(mode=Mode.KIOSK)
            plan.record.family_language = lang
            plan.parents.append(Parent(name=parent))
            kid = Child(legal_name=child)
            kid.school.name = "Lincoln Elementary"
            kid.school.grade = "3"
            plan.children.append(kid)
            session = store.create_household(plan, "made-up family passphrase", kiosk=True)
            store.grant_consent(session)
        desk = CounselorWindow(store, store.unlock_staff(STAFF))
        desk.resize(*SIZE)
        desk.show()
        desk.check([f.household_id for f in desk.families[:3]])
        desk.set_current_row(0)
        desk.open_current()
        desk.wait()
        settle(app, 2.0)
        desk.grab().save(str(out / "counselor-desk.png"))
        desk.search.setText("gurung")
        settle(app, 1.0)
        desk.grab().save(str(out / "counselor-search.png"))
        desk.close()
    for name in ("kiosk-language-picker", "kiosk-passphrase", "kiosk-countdown",
                 "kiosk-end-session", "kiosk-choices", "counselor-desk", "counselor-search"):
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
