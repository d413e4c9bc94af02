"""Printing paints every page, on white, through Qt's printer (a PDF printer stands in here)."""

from __future__ import annotations

import io
from dataclasses import fields
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from prepkit import i18n
from prepkit.forms.render import render_document, render_set
from prepkit.ui.counselor_batch import print_pdfs
from prepkit.ui.preview import THUMBS_PER_TURN, Preview, print_document
from tests.forms.fixtures import sample_plan
from tests.raster import ink_columns, render_pages
from tests.ui.conftest import new_plan


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(72)
    return printer


def test_print_document_paints_every_page_of_every_copy(qapp, tmp_path: Path) -> None:
    source = render_document(sample_plan(), "school-letter", "ar", with_english=True)
    pages = len(PdfReader(io.BytesIO(source)).pages)
    data = QByteArray(source)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    printer = _pdf_printer(tmp_path / "printed.pdf")
    printer.setCopyCount(2)
    painted = print_document(document, printer)
    copies = 1 if printer.supportsMultipleCopies() else 2
    assert painted == pages * copies
    printed = (tmp_path / "printed.pdf").read_bytes()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages * copies
    (first,) = render_pages(printed, dpi=30, count=1)
    assert sum(ink_columns(first)) > 500  # the page image really is on the paper


def test_batch_printing_puts_every_family_in_one_job(qapp, tmp_path: Path) -> None:
    letters = [render_document(sample_plan(), "school-letter", lang, with_english=True)
               for lang in ("es", "ne")]
    expected = sum(len(PdfReader(io.BytesIO(pdf)).pages) for pdf in letters)
    printer = _pdf_printer(tmp_path / "batch.pdf")
    assert print_pdfs(letters, printer) == expected
    assert len(PdfReader(tmp_path / "batch.pdf").pages) == expected


def _letter_printer(path: Path, dpi: int) -> QPrinter:
    """A PDF printer whose whole page is painted: printed pages compare with the source."""
    printer = _pdf_printer(path)
    printer.setResolution(dpi)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setFullPage(True)
    return printer


def test_print_document_honours_the_page_range(qapp, tmp_path: Path) -> None:
    source = render_set(sample_plan(), ["family-plan"], "en")
    data = QByteArray(source)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.pageCount() >= 3
    printer = _letter_printer(tmp_path / "range.pdf", 72)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert print_document(document, printer) == 2
    printed = (tmp_path / "range.pdf").read_bytes()
    assert len(PdfReader(io.BytesIO(printed)).pages) == 2
    assert _closest_source_pages(printed, source) == [1, 2]


def _difference(a, b) -> float:
    bits_a, bits_b = bytes(a.constBits()), bytes(b.constBits())
    return sum(abs(x - y) for x, y in zip(bits_a, bits_b, strict=True)) / len(bits_a)


def _closest_source_pages(printed: bytes, source: bytes) -> list[int]:
    """For each printed page, the source page it looks most like (both drawn at 36 dpi)."""
    originals = render_pages(source, dpi=36)
    return [min(range(len(originals)), key=lambda i: _difference(page, originals[i]))
            for page in render_pages(printed, dpi=36)]


def fill_from_sample(window) -> None:
    sample = sample_plan()
    for part in fields(sample):
        if part.name != "mode":
            setattr(window.plan, part.name, getattr(sample, part.name))
    window.saver.changed()
    window.show_plan(window.plan)


def made(qtbot, window, documents: list[str]):
    window.go("print")
    page = window.page("print")
    page.choose(documents, "en")
    page.make_documents()
    qtbot.waitUntil(lambda: page.result is not None, timeout=30000)
    return page


def test_printing_leaves_the_window_free_and_prints_the_range(qtbot, make_window, store,
                                                              tmp_path):
    window = make_window()
    new_plan(window)
    fill_from_sample(window)
    page = made(qtbot, window, ["family-plan", "school-letter"])
    plan_pages = page.result.pages["family-plan"]
    assert sum(page.result.pages.values()) == page.preview.page_count()
    printer = _letter_printer(tmp_path / "printed.pdf", 150)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, plan_pages + 1)  # the family plan's second page to the letter's first
    printer.setCopyCount(2)
    painted_when_ticked: list[int] = []
    ticker = QTimer()
    ticker.setInterval(1)
    ticker.timeout.connect(lambda: painted_when_ticked.append(run.painted))
    queued = page.print_to(printer)
    run = page.print_run
    assert run is not None and run.painted == 0  # nothing is painted before print_to returns
    copies = 1 if printer.supportsMultipleCopies() else 2
    assert queued == plan_pages * copies
    assert page.progress.isVisible() and page.cancel_button.isVisible()
    assert not page.print_button.isEnabled()
    assert page.status.text() == "Printing…"
    ticker.start()
    qtbot.waitUntil(lambda: page.print_run is None, timeout=30000)
    ticker.stop()
    # The event loop kept turning while pages were painted: the window never froze.
    assert len(set(painted_when_ticked)) >= 3
    assert page.status.text() == "Sent to the printer."
    assert not page.cancel_button.isVisible() and page.print_button.isEnabled()
    printed = (tmp_path / "printed.pdf").read_bytes()
    expected = list(range(1, plan_pages + 1))
    expected = expected * copies if printer.collateCopies() else \
        [p for p in expected for _c in range(copies)]
    # The school letters (one per child) look alike at this size: any letter page will do.
    alike = [p if p < plan_pages else "letter"
             for p in _closest_source_pages(printed, page.result.combined)]
    assert alike == [p if p < plan_pages else "letter" for p in expected]
    # One log entry per copy of each document on the printed pages.
    logged = [(c.document, c.action) for c in store.copies(window.saver.session)]
    assert sorted(logged) == sorted([("family_plan", "print"), ("school_letter", "print")] * 2)


def test_printing_can_be_stopped(qtbot, make_window, store, tmp_path):
    window = make_window()
    new_plan(window)
    fill_from_sample(window)
    page = made(qtbot, window, ["family-plan"])
    printer = _letter_printer(tmp_path / "stopped.pdf", 150)
    page.print_to(printer)
    run = page.print_run
    run.progress.connect(lambda painted, _total: page.cancel_button.click() if painted else None)
    qtbot.waitUntil(lambda: page.print_run is None, timeout=30000)
    assert 1 <= run.painted < page.preview.page_count()
    assert page.status.text() == "Printing stopped. The pages not yet sent will not print."
    assert store.copies(window.saver.session) == []  # nothing handed out: nothing logged
    assert page.wait(5000)  # the worker is gone


def test_export_never_overwrites_and_says_when_it_fails(qtbot, make_window, store, tmp_path):
    window = make_window()
    new_plan(window)
    fill_from_sample(window)
    page = made(qtbot, window, ["school-letter"])
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "school-letter-en.pdf").write_bytes(b"the family's own file")
    written = page.export_to(folder)
    assert [p.name for p in written] == ["school-letter-en (2).pdf"]
    assert (folder / "school-letter-en.pdf").read_bytes() == b"the family's own file"
    assert page.export_to(folder)[0].name == "school-letter-en (3).pdf"
    assert page.status.text() == "Saved 1 file."
    # A folder that is not there (a USB stick pulled out): said in the status line.
    i18n.set_interface_language(i18n.PSEUDO)
    assert page.export_to(tmp_path / "gone") == []
    assert page.status.text().startswith("⟦Thé fîléš çøüld ñøt bé šàvéd")
    assert [c.action for c in store.copies(window.saver.session)] == ["export", "export"]


def _preview_drawn(preview: Preview) -> bool:
    image = preview.view.viewport().grab().toImage()
    dark = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
               if image.pixelColor(x, y).lightness() < 110)
    return dark > 40  # the page's text, not the frame


def test_thumbnails_are_drawn_a_few_at_a_time(qtbot):
    """A long set's page pictures are drawn over several turns of the event loop, so the
    window answers while they come."""
    pdf = render_set(sample_plan(), ["family-plan", "caregiver-packet"], "ar", with_english=True)
    preview = Preview()
    qtbot.addWidget(preview)
    preview.show_pdf(pdf)
    pages = preview.page_count()
    assert pages > 2 * THUMBS_PER_TURN
    assert preview.thumbs.count() == pages  # numbered at once
    assert not preview.thumbnails_ready()
    drawn = sum(not preview.thumbs.item(i).icon().isNull() for i in range(pages))
    assert drawn < pages
    qtbot.waitUntil(preview.thumbnails_ready, timeout=10000)
    assert all(not preview.thumbs.item(i).icon().isNull() for i in range(pages))
    assert [preview.thumbs.item(i).text() for i in range(pages)] == [
        str(n) for n in range(1, pages + 1)]


def test_the_preview_is_drawn_every_time_documents_are_made_again(qtbot):
    """Reloading one QPdfDocument left the preview blank one time in four or so: a page being
    rendered for the old content came back empty and stayed in the view's cache."""
    pdfs = [render_set(sample_plan(), ["school-letter"], code) for code in ("en", "es")]
    preview = Preview()
    qtbot.addWidget(preview)
    preview.resize(900, 700)
    preview.show()
    for again in range(30):
        preview.resize(900 + 40 * (again % 3), 700)  # a new size: pages asked for again...
        preview.view.viewport().repaint()
        preview.show_pdf(pdfs[again % 2])  # ...and new content while they are being rendered
        qtbot.waitUntil(lambda: _preview_drawn(preview), timeout=5000)
    preview.clear()
    assert preview.page_count() == 0 and preview.thumbs.count() == 0
    qtbot.waitUntil(lambda: not _preview_drawn(preview), timeout=5000)
