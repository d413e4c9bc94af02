"""Rendering many families' papers off the UI thread, with progress and cancel.

The UI thread unlocks each family (the store belongs to it) and hands the worker copies of the
plans, already without any private section.  The worker renders each document in the family's
language plus English and, when saving, writes the file itself; each family done comes back as
a signal so the UI thread can log the copy in that plan's copies log.  Cancel stops between
families: what was written is logged, nothing else is.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, Signal
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


def print_pdfs(pdfs: list[bytes], printer: QPrinter) -> int:
    """Every page of every PDF as one print job; returns the pages painted."""
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
