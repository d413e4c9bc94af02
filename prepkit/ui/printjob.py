"""Printing without freezing the window: pages are rendered off the UI thread, painted on it.

Rendering a page at printer resolution is the slow part (96 pages at 300 dpi held the window
for ten seconds).  A worker renders the pages one at a time from its own ``QPdfDocument``
(QtPdf guards its PDF engine with a lock of its own, as its threaded page renderer relies on)
and hands each image to the UI thread, which paints it onto the printer with
``preview.paint_page``: QPrinter and its QPainter stay on the one thread that made them.  The
worker keeps at most ``AHEAD`` pages ready, so memory stays bounded however long the set is;
each page painted is one short turn of the event loop, and Cancel stops between pages.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRunnable, QSize, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from prepkit.ui.preview import page_image, page_scale, pages_to_print, paint_page

AHEAD = 2  # pages rendered and waiting to be painted, at most
PATIENCE_S = 60.0  # no page painted for this long: the window is gone, the worker gives up


def load_pdf(pdf: bytes) -> QPdfDocument:
    """A document over its own buffer (the buffer is the document's child: they go together)."""
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document


class PageSignals(QObject):
    rendered = Signal(int, QImage)  # position in the run, the page's image
    failed = Signal(str)  # the exception's class name only


class PageRenderer(QRunnable):
    """Renders ``pages`` of ``pdf`` at the size of the printer's page, ``AHEAD`` at a time."""

    def __init__(self, pdf: bytes, pages: list[int], target: QSize) -> None:
        super().__init__()
        self.pdf = pdf
        self.pages = pages
        self.target = target
        self.signals = PageSignals()
        self.room = threading.Semaphore(AHEAD)
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            document = load_pdf(self.pdf)
            for position, page in enumerate(self.pages):
                waited = 0.0
                while not self.room.acquire(timeout=0.1):
                    waited += 0.1
                    if self.stopped.is_set() or waited > PATIENCE_S:
                        return
                if self.stopped.is_set():
                    return
                scale = page_scale(document.pagePointSize(page), self.target)
                self.signals.rendered.emit(position, page_image(document, page, scale))
            document.close()
        except Exception as error:
            self.signals.failed.emit(type(error).__name__)

    def painted_one(self) -> None:
        self.room.release()

    def stop(self) -> None:
        self.stopped.set()


class PrintRun(QObject):
    """One print job: ``start`` it, follow ``progress``; ``finished`` says how it ended."""

    progress = Signal(int, int)  # pages painted, pages in all
    finished = Signal(bool)  # True: every page went to the printer

    def __init__(self, pdf: bytes, page_count: int, printer: QPrinter,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.pages = pages_to_print(printer, page_count)
        self.painter = QPainter()
        self.painted = 0
        self.done = False
        self.renderer: PageRenderer | None = None
        self._pdf = pdf

    def start(self, pool: object) -> bool:
        """Begin the job and the worker (on ``pool``, a QThreadPool); False if the printer
        would not start."""
        if not self.pages or not self.painter.begin(self.printer):
            self.done = True
            return False
        self.renderer = PageRenderer(self._pdf, self.pages, self.painter.viewport().size())
        self.renderer.setAutoDelete(False)  # this run keeps it until the end
        self.renderer.signals.rendered.connect(self._paint)
        self.renderer.signals.failed.connect(lambda _name: self._end(False))
        pool.start(self.renderer)  # type: ignore[attr-defined]
        self.progress.emit(0, len(self.pages))
        return True

    def _paint(self, position: int, image: QImage) -> None:
        if self.done or self.renderer is None:
            return
        if position:
            self.printer.newPage()
        paint_page(self.painter, None, self.pages[position], image=image)
        self.painted += 1
        self.renderer.painted_one()
        self.progress.emit(self.painted, len(self.pages))
        if self.painted == len(self.pages):
            self._end(True)

    def cancel(self) -> None:
        """Stop between pages; what was not painted yet never reaches the printer."""
        if not self.done:
            self.printer.abort()
            self._end(False)

    def _end(self, complete: bool) -> None:
        if self.done:
            return
        self.done = True
        if self.renderer is not None:
            self.renderer.stop()
        if self.painter.isActive():
            self.painter.end()
        self.finished.emit(complete)
