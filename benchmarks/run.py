"""prepkit's speed and scale measurements: one command, one table.

    .venv/bin/python benchmarks/run.py            (or: benchmarks/run)
    .venv/bin/python benchmarks/run.py --quick    (fewer repetitions, smaller store)

Each figure stands beside a floor where one exists: plain reportlab drawing the same text
(no shaping, no bidi, one font) for documents; plain sqlite3 doing the same writes for saves.
Ratios say what prepkit's own work costs on top of the floor.  Targets come from the project's
issues; the table says whether each is met.  Figures are medians of warm runs.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import qInstallMessageHandler  # noqa: E402
from reportlab.lib.pagesizes import LETTER  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from benchmarks.memory import peak_kib  # noqa: E402
from prepkit import crypto, exchange  # noqa: E402
from prepkit.forms import fonts, render  # noqa: E402
from prepkit.store import Store  # noqa: E402
from prepkit.ui.counselor import load_families  # noqa: E402
from prepkit.ui.counselor_batch import BatchItem, BatchJob  # noqa: E402
from tests.forms.fixtures import sample_plan  # noqa: E402


@dataclass
class Row:
    what: str
    seconds: float
    floor: float | None = None
    target: float | None = None
    unit: str = "s"  # or "MB"

    def cells(self) -> list[str]:
        if self.unit == "MB":
            verdict = ""
            if self.target is not None:
                verdict = "ok" if self.seconds <= self.target else "MISSED"
                verdict = f"{verdict} (<= {self.target:.0f} MB)"
            return [self.what, f"{self.seconds:.0f} MB", "", "", verdict]
        ratio = f"{self.seconds / self.floor:6.1f}x" if self.floor else ""
        floor = _fmt(self.floor) if self.floor is not None else ""
        if self.target is None:
            verdict = ""
        else:
            verdict = "ok" if self.seconds <= self.target else "MISSED"
            verdict = f"{verdict} (<= {_fmt(self.target)})"
        return [self.what, _fmt(self.seconds), floor, ratio, verdict]


def _fmt(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def timed(func: Callable[[], object], repeat: int) -> float:
    func()  # warm: fonts registered, caches filled
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


# --- floors -------------------------------------------------------------------------------------


def page_texts(pdf: bytes) -> list[list[str]]:
    return [(page.extract_text() or "").splitlines() for page in PdfReader(io.BytesIO(pdf)).pages]


def plain_reportlab(pages: list[list[str]], font: str) -> bytes:
    """The floor: the same lines, page by page, drawn with drawString in one font."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=LETTER)
    for lines in pages:
        canvas.setFont(font, 10)
        y = 740.0
        for line in lines:
            canvas.drawString(50, y, line)
            y -= 13
        canvas.showPage()
    canvas.save()
    return out.getvalue()


# --- measurements ---------------------------------------------------------------------------------


def documents(rows: list[Row], repeat: int) -> None:
    plan = sample_plan()
    every = [kind for kind, _title in render.DOCUMENTS]
    fonts.register()
    for lang, font in (("en", "latin"), ("ar", "arabic"), ("ne", "devanagari"), ("zh_Hans", "han")):
        seconds = timed(lambda lang=lang: render.render_set(plan, every, lang), repeat)
        pages = page_texts(render.render_set(plan, every, lang))
        face = fonts.font_name(font)
        floor = timed(lambda pages=pages, face=face: plain_reportlab(pages, face), repeat)
        rows.append(Row(f"full document set, 3 children, {lang} ({len(pages)} pages)",
                        seconds, floor, 1.5))


def letter_batch(count: int) -> list[BatchItem]:
    """Households whose children add up to exactly ``count`` school letters (one a child)."""
    plan = sample_plan()
    per = len(plan.children)
    items = [BatchItem(uuid.uuid4().hex, plan, "es") for _ in range(count // per)]
    if count % per:
        rest = copy.deepcopy(plan)
        rest.children = rest.children[: count % per]
        items.append(BatchItem(uuid.uuid4().hex, rest, "es"))
    return items


def batch_letters(rows: list[Row], count: int, folder: Path) -> None:
    """The counselor desk's own batch job, saving each family's letter into a folder."""
    items = letter_batch(count)
    out = folder / "letters"
    out.mkdir()
    job = BatchJob("school-letter", items, out)
    start = time.perf_counter()
    job.run()
    seconds = time.perf_counter() - start
    letters = sum(len(PdfReader(path).pages) for path in out.iterdir())  # a page a child
    face = fonts.font_name("latin")
    pages = page_texts(render.render_document(sample_plan(), "school-letter", "es",
                                              with_english=True))
    start = time.perf_counter()
    for item in items:
        plain_reportlab(pages[: len(item.plan.children)], face)
    floor = time.perf_counter() - start
    target = 30.0 * letters / 500
    rows.append(Row(f"{letters} school letters (es + English) in one desk batch", seconds,
                    floor, target))


def autosave(rows: list[Row], repeat: int, folder: Path) -> None:
    plan = sample_plan()
    crypto.DEFAULT_KDF = crypto.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    with Store.open(folder / "autosave.sqlite3") as store:
        session = store.create_household(plan, "benchmark passphrase")
        samples = []
        for i in range(repeat):
            plan.parents[0].best_hours = f"after {i} pm"  # one keystroke's change
            start = time.perf_counter()
            store.save(session, plan)
            samples.append(time.perf_counter() - start)
    payload = exchange.dumps(plan)
    floor_db = sqlite3.connect(folder / "floor.sqlite3")
    floor_db.execute("PRAGMA journal_mode=WAL")
    floor_db.execute("PRAGMA synchronous=NORMAL")
    floor_db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, blob BLOB)")
    floor_db.execute("INSERT INTO t VALUES (1, ?)", (payload,))
    floor_db.commit()
    floor_samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        with floor_db:
            floor_db.execute("UPDATE t SET blob = ? WHERE id = 1", (payload,))
        floor_samples.append(time.perf_counter() - start)
    floor_db.close()
    rows.append(Row("autosave, one field changed (encrypt + one transaction)",
                    statistics.median(samples), statistics.median(floor_samples), 0.005))


def big_store(rows: list[Row], households: int, folder: Path) -> None:
    crypto.DEFAULT_KDF = crypto.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    path = folder / "big.sqlite3"
    plan = sample_plan()
    with Store.open(path) as store:
        store.set_staff_passphrase("staff passphrase")
        start = time.perf_counter()
        ids = []
        for i in range(households):
            plan.parents[0].name = f"Rosa Elena Martínez {i:05d}"
            plan.children[0].legal_name = f"Sofía Nguyễn {i:05d}"
            session = store.create_household(plan, f"pass {i}")
            if i % 5:  # four families in five agreed to share with the school
                store.grant_consent(session)
            ids.append(session.household_id)
        build = time.perf_counter() - start
    start = time.perf_counter()
    store = Store.open(path)
    opened = time.perf_counter() - start
    listed = timed(store.list_households, 3)
    crypto.DEFAULT_KDF = crypto.KdfParams()  # unlock at production strength
    start = time.perf_counter()
    session = store.unlock(ids[len(ids) // 2], f"pass {len(ids) // 2}")
    unlocked = time.perf_counter() - start
    saved = timed(lambda: store.save(session, plan), 20)
    start = time.perf_counter()
    staff = store.unlock_staff("staff passphrase")
    staff_unlock = time.perf_counter() - start
    shared = len(store.consented_households())
    query = f"nguyễn {households - 2:05d}"
    start = time.perf_counter()
    families = load_families(store, staff)  # what the desk does once, after the passphrase
    loaded = time.perf_counter() - start
    searched = timed(lambda: [f for f in families if f.matches(query)], 5)
    hits = [f.household_id for f in families if f.matches(query)]
    assert len(hits) == 1, hits
    desk_ready, keystroke = counselor_window(store, staff, query)
    start = time.perf_counter()
    for info in store.consented_households()[:200]:  # the old way, for comparison: whole plans
        store.load(store.unlock_as_staff(info.id, staff))
    whole_plans = (time.perf_counter() - start) / 200 * shared
    store.close()
    rows.append(Row(f"store of {households} households: create all (fast KDF)", build))
    rows.append(Row(f"store of {households} households: open", opened))
    rows.append(Row(f"store of {households} households: list", listed))
    rows.append(Row(f"store of {households} households: unlock one (Argon2id default)", unlocked))
    rows.append(Row(f"store of {households} households: save", saved, None, 0.005))
    desk = f"counselor desk, {shared} consenting of {households}"
    rows.append(Row(f"{desk}: staff unlock (Argon2id default)", staff_unlock))
    rows.append(Row(f"{desk}: load every family's names (search cards)", loaded, whole_plans))
    rows.append(Row(f"{desk}: search by name", searched, None, 0.5))
    rows.append(Row(f"{desk}: the real desk, passphrase accepted to list shown", desk_ready,
                    None, 0.5))
    rows.append(Row(f"{desk}: the real desk, one keystroke in its search", keystroke, None, 0.5))


def _without_offscreen_notes(_mode: object, _context: object, message: str) -> None:
    """Qt's offscreen platform says what a screen could do (raise, size hints): not ours."""
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def counselor_window(store: Store, staff: object, query: str) -> tuple[float, float]:
    """The desk a counselor sees: built (kiosk purge, names, the table) and searched.

    Timed as the counselor meets it: the app already running (prepkit's fonts and look) and
    the staff passphrase dialog just closed, so Qt's own first-widget costs are paid."""
    from prepkit.ui.app import make_app
    from prepkit.ui.counselor import CounselorWindow
    from prepkit.ui.kiosk.staff import StaffUnlockDialog

    app = make_app()
    qInstallMessageHandler(_without_offscreen_notes)
    unlock = StaffUnlockDialog(store)
    unlock.show()
    app.processEvents()
    unlock.close()
    start = time.perf_counter()
    window = CounselorWindow(store, staff)
    window.show()
    app.processEvents()
    ready = time.perf_counter() - start
    typed = [query[: n + 1] for n in range(len(query))]  # each keystroke filters the table

    def type_query() -> None:
        for text in typed:
            window.search.setText(text)  # textChanged runs the desk's own filter
        app.processEvents()

    per_key = timed(type_query, 3) / len(typed)
    assert window.shown_ids() and len(window.shown_ids()) == 1, len(window.shown_ids())
    window.search.clear()
    window.close()
    window.deleteLater()
    app.processEvents()
    return ready, per_key


def ui(rows: list[Row], repeat: int) -> None:
    """Fresh processes: the interpreter starting, Qt, the main window painted."""
    probes = []
    for _ in range(repeat):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ui_probe.py")],
                             capture_output=True, text=True, check=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        spawned = time.perf_counter() - start
        probe = json.loads(out.stdout.strip().splitlines()[-1])
        probe["spawn"] = spawned
        probes.append(probe)

    def med(key: str) -> float:
        return statistics.median(p[key] for p in probes)

    def phase(key: str) -> float:
        return statistics.median(p["phases"][key] for p in probes)

    rows.append(Row("process start to first window painted (offscreen)", med("first_paint"),
                    None, 0.5))
    rows.append(Row(f"  of which imports {_fmt(phase('imports'))}, QApplication "
                    f"{_fmt(phase('make_app') - phase('imports'))}, MainWindow built "
                    f"{_fmt(phase('window_built') - phase('make_app'))}",
                    phase("window_built")))
    rows.append(Row("language switch en -> ar, sample plan on screen", med("switch_ar"), None,
                    0.5))
    rows.append(Row("language switch ar -> es, sample plan on screen", med("switch_es"), None,
                    0.5))
    rows.append(Row("peak RSS, app with the sample plan open (every step visited)",
                    med("rss_mb"), None, 250, unit="MB"))


def peak_rss_of_batch(letters: int, folder: Path) -> float:
    """Peak RSS in MB of a fresh process running the desk's batch (this one holds more)."""
    out = folder / "rss-letters"
    out.mkdir()
    code = "\n".join([
        f"import sys; sys.path.insert(0, {str(ROOT)!r})",
        "from pathlib import Path",
        "from benchmarks.run import letter_batch",
        "from prepkit.ui.counselor_batch import BatchJob",
        f"BatchJob('school-letter', letter_batch({letters}), Path({str(out)!r})).run()",
        "from benchmarks.memory import peak_kib; print(peak_kib())",
    ])
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return int(done.stdout.strip().splitlines()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        documents(rows, repeat)
        letters = 60 if args.quick else 500
        ui(rows, 2 if args.quick else 5)
        batch_letters(rows, letters, folder)
        autosave(rows, 50 if args.quick else 300, folder)
        big_store(rows, 500 if args.quick else 10_000, folder)
        batch_rss = peak_rss_of_batch(letters, folder)
        rows.append(Row(f"peak RSS, a fresh process running the {letters}-letter batch",
                        batch_rss, None, 250, unit="MB"))
    header = ["measurement", "prepkit", "floor", "ratio", "target"]
    table = [header, *[row.cells() for row in rows]]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    print(f"prepkit benchmarks: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")
    for i, line in enumerate(table):
        print("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(line)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    own = peak_kib() / 1024
    print(f"peak RSS of this benchmark process: {own:.0f} MB.  The floor beside the desk's "
          "name loading is decrypting every whole plan instead (extrapolated from 200).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
