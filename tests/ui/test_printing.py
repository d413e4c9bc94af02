"""Printing paints every page, on white, through Qt's printer (a PDF printer stands in here)."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from prepkit.forms.render import render_document
from prepkit.ui.counselor_batch import print_pdfs
from prepkit.ui.preview import print_document
from tests.forms.fixtures import sample_plan
from tests.raster import ink_columns, render_pages


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
