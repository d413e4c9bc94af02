"""Run in a fresh process by benchmarks/run.py: the app's window, timed from a cold start.

Prints one JSON line: seconds from interpreter start to the first paint of the main window,
the language switches with the sample plan on screen, and peak RSS with that plan open.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()  # as early as this process can look; the parent adds the spawn
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.memory import peak_kib  # noqa: E402
from prepkit import crypto, i18n  # noqa: E402
from prepkit.store import Store  # noqa: E402
from prepkit.ui.app import make_app  # noqa: E402
from prepkit.ui.uistate import UiStateStore  # noqa: E402
from prepkit.ui.window import MainWindow  # noqa: E402


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            self.painted_at = time.perf_counter()
        return False


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def main() -> None:
    crypto.DEFAULT_KDF = crypto.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    folder = Path(tempfile.mkdtemp(prefix="prepkit-bench-"))
    phases = {"imports": time.perf_counter() - STARTED}
    app = make_app()
    phases["make_app"] = time.perf_counter() - STARTED
    store = Store.open(folder / "ui.sqlite3")
    window = MainWindow(store, state_file=UiStateStore.for_store(store, kiosk=False))
    phases["window_built"] = time.perf_counter() - STARTED
    watch = PaintWatch()
    window.installEventFilter(watch)
    window.show()
    while watch.painted_at is None:
        app.processEvents()
    first_paint = watch.painted_at - STARTED

    from tests.forms.fixtures import sample_plan

    session = store.create_household(sample_plan(), "benchmark passphrase")
    window.use_session(session)
    for key in window.step_keys():  # every page filled from the plan, as after a long session
        window.go(key)
        settle(app)
    window.go("family")
    settle(app)
    switches = {}
    for code in ("ar", "es"):
        start = time.perf_counter()
        i18n.set_interface_language(code)
        settle(app)
        switches[code] = time.perf_counter() - start
    rss_mb = peak_kib() / 1024
    window.close()
    store.close()
    print(json.dumps({"first_paint": first_paint, "switch_ar": switches["ar"],
                      "switch_es": switches["es"], "rss_mb": rss_mb, "phases": phases}))


if __name__ == "__main__":
    main()
