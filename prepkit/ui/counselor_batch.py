"""Many families' papers at once, with progress and cancel, the desk answering throughout.

The UI thread unlocks each family (the store belongs to it) and hands the worker copies of the
plans, already without any private section.  The worker renders each document in the family's
language plus English and, when saving, writes the file itself; each family done comes back as
a signal so the UI thread can log the copy in that plan's copies log.  Cancel stops between
families: what was written is logged, nothing else is.

Printing then paints the pages onto the printer, which must happen on the UI thread (QPrinter
and its QPainter belong to the thread that made them).  Painting a page at 300 dpi takes tens
of milliseconds; two hundred letters painted in one go froze the desk for 17 seconds.
``PagePainter`` paints one page per turn of the event loop instead, so the window repaints, the
progress bar moves and Cancel can be pressed between any two pages.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from prepkit.plan import Plan
from prepkit.ui.preview import paint_page


@dataclass
class BatchItem:
    household_id: str
    plan: Plan
    language: str  # the family's language; English is added alongside

    @property
    def label(self) -> str:
        """The language label the copies log takes: ``es+en``, or ``en``."""
        return self.language if self.language == "en" else f"{self.language}+en"


def file_name(document: str, item: BatchItem) -> str:
    """No names in file names: the document, a short opaque id and the language."""
    return f"{document}-{item.household_id[:8]}-{item.label}.pdf"


@dataclass
class BatchResult:
    document: str
    done: list[str] = field(default_factory=list)  # household ids, in order
    pdfs: dict[str, bytes] = field(default_factory=dict)  # when printing
    files: list[Path] = field(default_factory=list)  # when saving
    cancelled: bool = False
    failed: str = ""


class BatchSignals(QObject):
    progress = Signal(int, int)
    one_done = Signal(str)  # household id
    finished = Signal(object)  # BatchResult


class BatchJob(QRunnable):
    def __init__(self, document: str, items: list[BatchItem], folder: Path | None) -> None:
        super().__init__()
        self.document = document
        self.items = items
        self.folder = folder  # None: keep the PDFs for printing
        self.signals = BatchSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from prepkit.forms.render import render_document

        result = BatchResult(self.document)
        total = len(self.items)
        self.signals.progress.emit(0, total)
        try:
            for done, item in enumerate(self.items):
                if self._cancel.is_set():
                    result.cancelled = True
                    break
                pdf = render_document(item.plan, self.document, item.language,
                                      with_english=item.language != "en")
                if self.folder is not None:
                    path = self.folder / file_name(self.document, item)
                    path.write_bytes(pdf)
                    result.files.append(path)
                else:
                    result.pdfs[item.household_id] = pdf
                result.done.append(item.household_id)
                self.signals.one_done.emit(item.household_id)
                self.signals.progress.emit(done + 1, total)
        except Exception as error:  # the class name only: nothing personal goes anywhere
            result.failed = type(error).__name__
        self.items = []
        self.signals.finished.emit(result)


def _open_pdf(pdf: bytes, parent: QObject) -> QPdfDocument:
    document = QPdfDocument(parent)
    buffer = QBuffer(document)  # the document's child: they go together
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


class PagePainter(QObject):
    """Paints every page of ``pdfs`` as one print job, a page per turn of the event loop."""

    progress = Signal(int, int)  # documents painted, documents in all
    finished = Signal(object)  # PaintResult

    def __init__(self, pdfs: list[bytes], printer: QPrinter,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pdfs = pdfs
        self.printer = printer
        self.painter = QPainter()
        self.result = PaintResult(len(pdfs))
        self.document: QPdfDocument | None = None
        self.page = 0
        self.done = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._step)

    def start(self) -> bool:
        """Begin the print job; False (and nothing painted) if the printer will not start."""
        if not self.pdfs or not self.painter.begin(self.printer):
            self.done = True
            return False
        self.progress.emit(0, len(self.pdfs))
        self.timer.start()
        return True

    def _step(self) -> None:
        if self.done:
            return
        if self.document is None:
            self.document = _open_pdf(self.pdfs[self.result.documents], self)
            self.page = 0
        if self.page < self.document.pageCount():
            if self.result.pages:
                self.printer.newPage()
            paint_page(self.painter, self.document, self.page)
            self.result.pages += 1
            self.page += 1
        if self.page >= self.document.pageCount():
            self.document.close()
            self.document.deleteLater()
            self.document = None
            self.result.documents += 1
            self.progress.emit(self.result.documents, len(self.pdfs))
        if self.result.documents == len(self.pdfs):
            self._end()
        else:
            self.timer.start()

    def cancel(self) -> None:
        """Stop between two pages and ask the printer to drop the job (not every printer can:
        ``PaintResult.aborted`` says whether it did)."""
        if not self.done:
            self.result.cancelled = True
            self.result.aborted = self.printer.abort()
            self._end()

    def _end(self) -> None:
        self.done = True
        self.timer.stop()
        if self.painter.isActive():
            self.painter.end()
        if self.document is not None:
            self.document.close()
            self.document = None
        self.pdfs = []
        self.finished.emit(self.result)


@dataclass
class PaintResult:
    total: int  # documents to print
    documents: int = 0  # documents whose every page was painted
    pages: int = 0
    cancelled: bool = False
    aborted: bool = False  # the printer dropped the job: nothing of it prints

    @property
    def complete(self) -> bool:
        return self.documents == self.total and not self.cancelled

    def printed(self) -> int:
        """How many documents reach the paper: all painted, unless the job was dropped."""
        return 0 if self.aborted else self.documents


def print_pdfs(pdfs: list[bytes], printer: QPrinter) -> int:
    """Every page of every PDF as one print job, at once; returns the pages painted.  The desk
    prints through ``PagePainter``; this is for small jobs and tests."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    painted = 0
    try:
        for pdf in pdfs:
            document = QPdfDocument()
            data = QByteArray(pdf)
            buffer = QBuffer(data)
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            document.load(buffer)
            for page in range(document.pageCount()):
                if painted:
                    printer.newPage()
                paint_page(painter, document, page)
                painted += 1
            document.close()
            buffer.close()
    finally:
        painter.end()
    return painted
