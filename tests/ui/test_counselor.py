"""The counselor's desk: consenting families only, search in memory, read-only reprints."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from prepkit import cli
from prepkit.plan import Child, Mode, Parent, Plan, PrivateSection
from prepkit.store import Store
from prepkit.ui.counselor import CounselorWindow
from tests.ui.conftest import PASSPHRASE
from tests.ui.kiosk_helpers import STAFF


def family_plan(parent: str, child: str, language: str = "es", *,
                mode: Mode = Mode.KIOSK) -> Plan:
    plan = Plan(mode=mode)
    plan.record.family_language = language
    plan.parents.append(Parent(name=parent))
    kid = Child(legal_name=child)
    kid.school.name = "Lincoln Elementary"
    plan.children.append(kid)
    return plan


def add(store: Store, plan: Plan, *, consent: bool) -> str:
    session = store.create_household(plan, PASSPHRASE, kiosk=plan.mode == Mode.KIOSK)
    if consent:
        store.grant_consent(session)
    session.forget()
    return session.household_id


@pytest.fixture
def desk(store: Store, qtbot) -> Iterator[Callable[[], CounselorWindow]]:
    store.set_staff_passphrase(STAFF)
    made: list[CounselorWindow] = []

    def make() -> CounselorWindow:
        window = CounselorWindow(store, store.unlock_staff(STAFF))
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.wait()


def shown_parents(window: CounselorWindow) -> list[str]:
    return [f.parents for row, f in enumerate(window.families)
            if not window.table.isRowHidden(row)]


def test_only_consenting_families_and_search_by_any_name(qtbot, store, desk):
    add(store, family_plan("José Ramírez", "Maximiliano Ramírez"), consent=True)
    add(store, family_plan("Amina Yusuf", "Hodan Yusuf", "so"), consent=True)
    add(store, family_plan("Rosa Secreta", "Pablo Secreto"), consent=False)
    window = desk()
    assert sorted(shown_parents(window)) == ["Amina Yusuf", "José Ramírez"]
    model = window.table.model()
    all_text = " ".join(model.index(r, c).data()
                        for r in range(model.rowCount()) for c in range(4))
    assert "Secret" not in all_text
    window.search.setText("maxi")
    assert shown_parents(window) == ["José Ramírez"]
    window.search.setText("jose ramirez")  # without accents, in any case
    assert shown_parents(window) == ["José Ramírez"]
    window.search.setText("hodan")  # a child's name finds the family
    assert shown_parents(window) == ["Amina Yusuf"]
    window.search.setText("rosa")
    assert shown_parents(window) == []
    assert window.count_label.text() == "0 families shown"


def test_open_read_only_never_shows_the_private_section(qtbot, store, desk):
    plan = family_plan("Lucía Torres", "Sofía Torres", mode=Mode.HOME)
    plan.private = PrivateSection()
    plan.private.a_number = "A123456789"
    household = add(store, plan, consent=True)
    window = desk()
    window.set_current_row(0)
    window.open_current()
    job = window.view_job  # the job's own copy of the plan, as staff may see it
    qtbot.waitUntil(lambda: window.preview.page_count() > 0, timeout=30000)
    assert window.view_job is None  # once shown, the desk keeps no copy of the plan
    assert job is not None and job.request.plan.private is None
    assert job.request.language == "es" and job.request.with_english
    assert "Lucía Torres" in window.preview_label.text()
    # Nothing on the desk can edit a plan: no editable field but the search box.
    editable = [w for w in window.findChildren(QWidget)
                if isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit)
                and w.isVisible() and not w.isReadOnly()]
    assert editable == [window.search]
    session = store.unlock(household, PASSPHRASE)
    assert store.load(session).private is not None  # the family's own copy is untouched


def test_print_for_several_families_logs_a_reprint_in_each_plan(qtbot, store, desk, tmp_path):
    ids = [add(store, family_plan(f"Parent {n}", f"Child {n}"), consent=True) for n in range(3)]
    window = desk()
    out = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    window.choose_printer = printer
    window.check(ids)
    window.print_selected()
    qtbot.waitUntil(lambda: window.last_print is not None, timeout=30000)
    assert window.status.text() == "Sent to the printer for 3 families."
    assert len(PdfReader(out).pages) >= 3
    staff = store.unlock_staff(STAFF)
    for household in ids:
        copies = store.copies(store.unlock_as_staff(household, staff))
        assert [(c.document, c.language, c.action) for c in copies] == [
            ("school_letter", "es+en", "reprint")]
        assert copies[0].for_whom == "School (counselor's desk)"


def test_batch_export_of_200_families_school_letters(qtbot, store, desk, tmp_path):
    ids = [add(store, family_plan(f"Parent{n:03d} Family", f"Kid{n:03d} Family",
                                  ("es", "ar", "ne", "zh_Hans")[n % 4]), consent=True)
           for n in range(200)]
    window = desk()
    assert window.table.model().rowCount() == 200
    folder = tmp_path / "letters"
    folder.mkdir()
    window.choose_folder = lambda: folder
    window.check_shown(True)
    seen: list[int] = []
    started = time.monotonic()
    window.export_selected()
    assert window.job is not None
    window.job.signals.progress.connect(lambda done, _total: seen.append(done))
    assert window.cancel_button.isVisible() and window.progress.isVisible()
    qtbot.waitUntil(lambda: window.last_result is not None, timeout=60000)
    took = time.monotonic() - started
    assert took < 60, took
    files = sorted(folder.iterdir())
    assert len(files) == 200
    assert all("Family" not in f.name and "Kid" not in f.name for f in files)
    assert seen and seen[-1] == 200
    assert window.status.text() == "Saved 200 files."
    by_id = {f.name.split("-")[2]: f for f in files}
    sample = next(i for i in ids if i[:8] in by_id)
    text = PdfReader(BytesIO(by_id[sample[:8]].read_bytes())).pages[0].extract_text()
    number = ids.index(sample)
    assert f"Kid{number:03d} Family" in text
    staff = store.unlock_staff(STAFF)
    for household in ids:
        copies = store.copies(store.unlock_as_staff(household, staff))
        assert [(c.document, c.action) for c in copies] == [("school_letter", "export")]


def test_cancel_stops_the_batch_and_logs_only_what_was_saved(qtbot, store, desk, tmp_path):
    ids = [add(store, family_plan(f"P{n}", f"C{n}"), consent=True) for n in range(60)]
    window = desk()
    folder = tmp_path / "letters"
    folder.mkdir()
    window.choose_folder = lambda: folder
    window.check(ids)
    window.export_selected()
    assert window.job is not None
    window.job.signals.progress.connect(lambda done, _t: window.cancel() if done >= 3 else None)
    qtbot.waitUntil(lambda: window.last_result is not None, timeout=60000)
    result = window.last_result
    assert result is not None and result.cancelled
    saved = len(list(folder.iterdir()))
    assert 3 <= saved < 60
    assert window.status.text().startswith("Stopped after saving files for")
    staff = store.unlock_staff(STAFF)
    logged = sum(len(store.copies(store.unlock_as_staff(h, staff))) for h in ids)
    assert logged == saved


def test_cli_counselor_flag_opens_the_desk(monkeypatch, tmp_path):
    called: list[Path] = []
    import prepkit.ui.app as app

    monkeypatch.setattr(app, "run_counselor", lambda db: called.append(db) or 0)
    db = tmp_path / "school.sqlite3"
    assert cli.main(["--db", str(db), "--counselor"]) == 0
    assert called == [db]


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(300)  # what the desk prints at
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_forty_letters_keeps_the_desk_answering(qtbot, store, desk, tmp_path):
    ids = [add(store, family_plan(f"Parent {n}", f"Child {n}"), consent=True) for n in range(40)]
    window = desk()
    out = tmp_path / "forty.pdf"
    window.choose_printer = lambda: pdf_printer(out)
    # A timer that can only fire while the event loop runs: painting every page in one go
    # (as before) would hold it still for seconds.
    beats: list[float] = []
    heart = QTimer()
    heart.setInterval(10)
    heart.timeout.connect(lambda: beats.append(time.monotonic()))
    pages: list[int] = []
    window.check(ids)
    window.print_selected()
    qtbot.waitUntil(lambda: window.printing is not None, timeout=60000)
    painting = window.printing
    assert painting is not None
    painting.progress.connect(lambda done, _total: pages.append(done))
    heart.start()
    started = len(beats)
    assert window.cancel_button.isVisible() and window.progress.isVisible()
    assert not window.print_button.isEnabled()
    qtbot.waitUntil(lambda: window.last_print is not None, timeout=60000)
    heart.stop()
    result = window.last_print
    assert result is not None and result.complete and result.pages == 40
    assert len(PdfReader(out).pages) == 40
    assert pages[-1] == 40 and window.progress.maximum() == 40
    ticks = beats[started:]
    assert len(ticks) >= 20, len(ticks)  # the loop turned between the pages
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 1.0, max(gaps)
    assert window.status.text() == "Sent to the printer for 40 families."
    assert not window.cancel_button.isVisible() and window.print_button.isEnabled()


def test_cancel_stops_printing_between_pages(qtbot, store, desk, tmp_path):
    from tests.ui.kiosk_helpers import click

    ids = [add(store, family_plan(f"Parent {n}", f"Child {n}"), consent=True) for n in range(40)]
    window = desk()
    out = tmp_path / "stopped.pdf"
    window.choose_printer = lambda: pdf_printer(out)
    window.check(ids)
    window.print_selected()
    qtbot.waitUntil(lambda: window.printing is not None, timeout=60000)
    painting = window.printing
    assert painting is not None
    # A person presses Cancel after a few pages: a real click, which only lands because the
    # event loop is turning.
    qtbot.waitUntil(lambda: painting.result.pages >= 5, timeout=30000)
    click(window.cancel_button)
    qtbot.waitUntil(lambda: window.last_print is not None, timeout=5000)
    result = window.last_print
    assert result is not None and result.cancelled and not result.complete
    assert 5 <= result.pages < 40
    stopped_at = result.pages
    qtbot.wait(200)
    assert result.pages == stopped_at  # nothing painted after Cancel
    assert window.status.text() == "Printing stopped. The pages not yet sent will not print."
    # Qt's PDF writer cannot drop a job: the families whose pages were all sent are logged,
    # no other.  (A printer that drops the job logs none.)
    staff = store.unlock_staff(STAFF)
    order = window.selected_ids()  # the order they were printed in
    logged = [h for h in order if store.copies(store.unlock_as_staff(h, staff))]
    assert logged == order[:result.printed()]
    assert result.printed() == (0 if result.aborted else result.documents)


def test_a_search_that_hides_the_open_family_clears_the_preview(qtbot, store, desk):
    add(store, family_plan("Lucía Torres", "Sofía Torres"), consent=True)
    add(store, family_plan("Amina Yusuf", "Hodan Yusuf", "so"), consent=True)
    window = desk()
    row = next(r for r, f in enumerate(window.families) if f.parents == "Lucía Torres")
    window.set_current_row(row)
    window.open_current()
    qtbot.waitUntil(lambda: window.preview.page_count() > 0, timeout=30000)
    assert "Lucía Torres" in window.preview_label.text()
    window.search.setText("amina")
    assert window.preview.page_count() == 0
    assert window.preview_label.text() == ""
    assert window.viewing == ""
    # Hidden while it is still being made: it does not appear afterwards either.
    window.search.setText("")
    window.set_current_row(row)
    window.open_current()
    window.search.setText("amina")
    window.wait()
    qtbot.wait(50)
    assert window.preview.page_count() == 0


def test_ticking_a_family_with_the_mouse_and_the_list_in_another_language(qtbot, store, desk):
    from PySide6.QtCore import QPoint, Qt

    from prepkit import i18n

    first = add(store, family_plan("José Ramírez", "Maximiliano Ramírez"), consent=True)
    add(store, family_plan("Amina Yusuf", "Hodan Yusuf", "so"), consent=True)
    window = desk()
    window.resize(1280, 800)
    model = window.table.model()
    row = next(r for r, f in enumerate(window.families) if f.household_id == first)
    cell = window.table.visualRect(model.index(row, 0))
    box = QPoint(cell.left() + 12, cell.center().y())  # the tick box, left in the cell
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert window.selected_ids() == [first]
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert window.model.ticked == set()

    day = window.families[row].updated.date()
    assert model.index(row, 3).data() == i18n.format_date(day, "en", "medium")
    i18n.set_interface_language("ar")
    assert model.headerData(0, Qt.Orientation.Horizontal) == i18n.translations("ar").gettext(
        "Parents")
    assert model.index(row, 3).data() == i18n.format_date(day, "ar", "medium")
    assert model.index(row, 2).data() == "Español"  # the family's language, in its own name


def test_a_new_list_keeps_the_search_and_shows_the_new_families(qtbot, store, desk):
    add(store, family_plan("José Ramírez", "Maximiliano Ramírez"), consent=True)
    add(store, family_plan("Amina Yusuf", "Hodan Yusuf", "so"), consent=True)
    window = desk()
    window.search.setText("amina")
    assert shown_parents(window) == ["Amina Yusuf"]
    add(store, family_plan("Amina Bello", "Tunde Bello"), consent=True)
    from prepkit.ui.counselor import load_families

    window.fill(load_families(store, window.staff_key))
    assert sorted(shown_parents(window)) == ["Amina Bello", "Amina Yusuf"]
    window.search.setText("")
    assert len(shown_parents(window)) == 3 == len(window.shown_ids())
    assert window.count_label.text() == "3 families shown"


def test_space_ticks_the_family_in_any_column_and_enter_opens_it(qtbot, store, desk):
    from PySide6.QtCore import Qt

    first = add(store, family_plan("José Ramírez", "Maximiliano Ramírez"), consent=True)
    window = desk()
    row = next(r for r, f in enumerate(window.families) if f.household_id == first)
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(row, 2))  # the Language column
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert window.model.is_ticked(row) and window.selected_ids() == [first]
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert not window.model.is_ticked(row)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.viewing == first  # opened, read only, in the preview
    qtbot.waitUntil(lambda: window.preview.page_count() > 0, timeout=30000)


def test_a_closed_desk_keeps_no_family_names_and_the_screen_check_sees_the_list(
        qtbot, store, desk):
    from tests.ui.kiosk_helpers import family_text_on_screen, plans_holding_family

    add(store, family_plan("Zoraida Quintanilla", "Maximiliano Quintanilla"), consent=True)
    window = desk()
    assert family_text_on_screen()  # the scan used by the privacy tests reads the list
    window.set_current_row(0)
    window.open_current()  # the plan is read to show its papers
    qtbot.waitUntil(lambda: window.preview.page_count() > 0, timeout=30000)
    window.wait()
    window.close()
    assert window.families == [] and window.model.rowCount() == 0
    assert family_text_on_screen() == []
    assert plans_holding_family() == []  # nor the plan the preview was made from
