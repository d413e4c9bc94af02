"""Screenshots of every page of the app in several languages, for docs/screenshots/.

    python tools/screenshots.py [--out docs/screenshots] [--languages en es ar ne] [--offscreen]

With no display it starts itself again under ``xvfb-run`` (a real X server, the way the app
really draws), and falls back to Qt's offscreen platform when xvfb-run is not installed (or
with --offscreen).  It works on a throwaway data file with a made-up family, so no real plan
is ever photographed.  Re-runnable: existing PNGs are overwritten.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from prepkit import crypto, i18n
from prepkit.plan import (
    Caregiver,
    Child,
    Contact,
    CopyHolder,
    DocumentKind,
    DocumentPlace,
    LegalContact,
    Medication,
    Parent,
    Phone,
    School,
)

UNDER_XVFB = "PREPKIT_SCREENSHOTS_UNDER_XVFB"


class TickingClock:
    """The demo store's clock: four minutes pass at every look, from a fixed morning."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=4)
        return self.now


def choose_display(argv: list[str]) -> None:
    """A display to draw on: the one we have, else Xvfb, else Qt's offscreen platform."""
    if "--offscreen" in argv:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") \
            or os.environ.get("WAYLAND_DISPLAY"):
        return
    xvfb = shutil.which("xvfb-run")
    if xvfb and not os.environ.get(UNDER_XVFB):
        os.environ[UNDER_XVFB] = "1"
        os.execv(xvfb, [xvfb, "-a", "-s", "-screen 0 1280x1024x24",
                        sys.executable, str(Path(__file__).resolve()), *argv])
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


LANGUAGES = ["en", "es", "ar", "ne"]
SIZE = (1100, 760)


def sample_plan_into(window) -> None:
    """A made-up family with something in every list, so each kind of input shows."""
    plan = window.plan
    plan.record.review_by = date(date.today().year + 1, 1, 15)
    plan.record.family_language = "es"
    plan.record.copy_languages = ["en"]
    plan.record.distribution = [CopyHolder("Elm Park School", "school letter",
                                           date(date.today().year, 1, 10))]
    plan.parents += [Parent(name="Rosa Mendes", phones=[Phone(text="(508) 555-0142")]),
                     Parent(name="Jorge Mendes", phones=[Phone(text="+52 55 1234 5678")])]
    plan.children += [Child(legal_name="Ana Mendes", school=School(name="Elm Park School"),
                            medications=[Medication("inhaler", "2 puffs", "as needed",
                                                    "backpack")]),
                      Child(legal_name="Luis Mendes")]
    plan.contacts.append(Contact(name="Ines Costa", relationship="cousin"))
    plan.caregivers.append(Caregiver(name="Teresa Silva", relationship="aunt"))
    plan.documents.places.append(DocumentPlace(DocumentKind.OTHER, "blue folder", "Baptism papers"))
    plan.legal_help.contacts.append(LegalContact("Legal aid office", Phone(text="(617) 555-0100")))
    plan.communication.memorize.append(Phone(text="(508) 555-0177"))
    plan.communication.meeting_place = "Main Street library"
    window.saver.changed()
    window.show_plan(plan)


def save_small(image, path: Path) -> None:
    """A 256-colour PNG: screenshots are flat UI colours, so this is a fraction of the size."""
    from PIL import Image

    tmp = path.with_suffix(".tmp.png")
    image.save(str(tmp))
    with Image.open(tmp) as raw:
        raw.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            path, optimize=True)
    tmp.unlink()


def preview_drawn(window, page):
    """The window's picture once QtPdf has painted the preview in it, else None.

    QtPdf renders pages in its own thread and paints them when they arrive; until then, and
    again whenever the view settles to its final width (the zoom fits the width), the pages
    are blank.  So the very picture to be saved is checked: the view's part of it must show
    the page's text."""
    picture = window.grab()
    view = page.preview.view.viewport()
    seen = view.visibleRegion().boundingRect()  # the page body scrolls: part may be hidden
    corner = view.mapTo(window, seen.topLeft())
    image = picture.toImage().copy(corner.x(), corner.y(), seen.width(), seen.height())
    dark = sum(1 for y in range(image.height()) for x in range(0, image.width(), 2)
               if image.pixelColor(x, y).lightness() < 110)
    return picture if dark > 150 else None  # lines of text (a blank page has none at all)


def picture_with_preview(app, window, page, seconds: float = 20.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        picture = preview_drawn(window, page)
        if picture is not None:
            return picture
        time.sleep(0.02)
    raise SystemExit("the preview was not drawn in time")


def wait_for(app, done, seconds: float = 20.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if done():
            return True
        time.sleep(0.02)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--languages", nargs="+", default=LANGUAGES)
    parser.add_argument("--offscreen", action="store_true",
                        help="draw with Qt's offscreen platform even if Xvfb is there")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    crypto.DEFAULT_KDF = crypto.KdfParams(time_cost=1, memory_kib=8, parallelism=1)

    from PySide6.QtWidgets import QApplication

    from prepkit.store import Store
    from prepkit.ui.app import make_app
    from prepkit.ui.dialogs import EarlierVersionsDialog
    from prepkit.ui.pages.printing import PrintPage
    from prepkit.ui.uistate import UiStateStore
    from prepkit.ui.window import MainWindow

    app = make_app()
    demo_clock = TickingClock()  # each save a few minutes apart: a history worth showing
    with tempfile.TemporaryDirectory() as tmp, \
            Store.open(Path(tmp) / "demo.sqlite3", clock=demo_clock) as store:
        window = MainWindow(store, state_file=UiStateStore(None))
        window.resize(*SIZE)
        window.show()
        for code in args.languages:
            i18n.set_interface_language(code)
            window.show_start()
            app.processEvents()
            save_small(window.grab(), out / f"{code}-00-start.png")
        window.start_new_plan("demo passphrase for screenshots")
        sample_plan_into(window)
        for code in args.languages:
            i18n.set_interface_language(code)
            for number, key in enumerate(window.step_keys(), start=1):
                window.go(key)
                page = window.current_page()
                if isinstance(page, PrintPage):
                    page.make_documents()
                    page.wait()
                    if not wait_for(app, lambda p=page: p.result is not None):
                        raise SystemExit(f"{code}: the documents were not made in time")
                app.processEvents()
                window.saver.flush()  # "Saved", not "Saving…", in the top bar
                app.processEvents()
                picture = window.grab()
                if isinstance(page, PrintPage):
                    picture = picture_with_preview(app, window, page)
                path = out / f"{code}-{number:02d}-{key}.png"
                save_small(picture, path)
            dialog = EarlierVersionsDialog(store.history(window.saver.session), window)
            dialog.show()
            app.processEvents()
            save_small(dialog.grab(), out / f"{code}-{number + 1:02d}-earlier-versions.png")
            dialog.close()
            print(f"{code}: {len(window.step_keys()) + 2} screenshots")
        window.saver.flush()
        window.close()
    i18n.set_interface_language(i18n.DEFAULT)
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    choose_display(sys.argv[1:])  # before Qt starts: main() makes the QApplication
    raise SystemExit(main())
