"""The PDF preview (QtPdf: page thumbnails, zoom) and printing through the system dialog."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, QSizeF, QTimer
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prepkit.i18n import N_
from prepkit.ui.texts import Texts, mark_user_text

THUMB = 120
THUMBS_PER_TURN = 4
PRINT_DPI = 300


class Preview(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.texts = Texts()
        self.document = QPdfDocument(self)
        self._retired: list[QPdfDocument] = []  # the last documents shown, closed
        self._thumbs_done = 0
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setInterval(0)
        self._thumb_timer.timeout.connect(self._draw_thumbs)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.texts.bind(self.view.setAccessibleName, N_("Preview of the documents"))
        self.thumbs = mark_user_text(QListWidget())  # page numbers only
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB, int(THUMB * 1.3)))
        self.thumbs.setFlow(QListWidget.Flow.TopToBottom)
        self.thumbs.setFixedWidth(THUMB + 40)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.texts.bind(self.thumbs.setAccessibleName, N_("Pages"))
        self.thumbs.currentRowChanged.connect(self._jump)
        self.zoom_in = QPushButton()
        self.zoom_out = QPushButton()
        self.fit = QPushButton()
        for button, text in ((self.zoom_out, N_("Zoom out")), (self.zoom_in, N_("Zoom in")),
                             (self.fit, N_("Fit to width"))):
            button.setAutoDefault(True)
            self.texts.label(button, text)
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.fit.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        )
        tools = QHBoxLayout()
        tools.addWidget(self.zoom_out)
        tools.addWidget(self.zoom_in)
        tools.addWidget(self.fit)
        tools.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.thumbs)
        row.addWidget(self.view, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addLayout(row, 1)

    def show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` in a document of its own.

        Reloading the one document the view shows left the preview blank now and then: a page
        QtPdf was still rendering for the old content came back empty and stayed in the view's
        cache.  A new document resets the view's renderer and cache.  The old one is closed
        and kept for one more turn before it is deleted, never while QtPdf may still be
        rendering it on its own thread.
        """
        document = QPdfDocument(self)
        buffer = QBuffer(document)  # goes with its document
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        self.view.setDocument(document)
        self._retire(self.document)
        self.document = document
        self.thumbs.clear()
        for page in range(self.document.pageCount()):
            self.thumbs.addItem(QListWidgetItem(str(page + 1)))
        self._thumbs_done = 0
        self._thumb_timer.start()

    def _draw_thumbs(self) -> None:
        """A few page pictures per turn of the event loop: a 96-page set does not hold the
        window while its thumbnails are drawn."""
        count = min(self.thumbs.count(), self.document.pageCount())
        for page in range(self._thumbs_done, min(count, self._thumbs_done + THUMBS_PER_TURN)):
            image = page_image(self.document, page, THUMB / 72 * 0.8)
            self.thumbs.item(page).setIcon(QIcon(QPixmap.fromImage(image)))
        self._thumbs_done += THUMBS_PER_TURN
        if self._thumbs_done >= count:
            self._thumb_timer.stop()

    def thumbnails_ready(self) -> bool:
        return not self._thumb_timer.isActive()

    def clear(self) -> None:
        """Show nothing (a family's pages must not stay on screen for the next one)."""
        # The view moves to an empty document before the old one closes; (setting None
        # instead makes Qt warn about a null connection.)
        old, self.document = self.document, QPdfDocument(self)
        self.view.setDocument(self.document)
        self._retire(old)
        self._thumb_timer.stop()
        self.thumbs.clear()

    def _retire(self, document: QPdfDocument) -> None:
        document.close()
        self._retired.append(document)
        while len(self._retired) > 2:
            self._retired.pop(0).deleteLater()

    def page_count(self) -> int:
        return self.document.pageCount()

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    def _jump(self, row: int) -> None:
        if row >= 0:
            self.view.pageNavigator().jump(row, QPointF(), self.view.pageNavigator().currentZoom())

    def retranslate(self) -> None:
        self.texts.retranslate()


def page_image(document: QPdfDocument, page: int, scale: float) -> QImage:
    """One page as an image on white (a PDF page has no background of its own)."""
    size = document.pagePointSize(page)
    pixels = QSize(max(1, int(size.width() * scale)), max(1, int(size.height() * scale)))
    rendered = document.render(page, pixels, QPdfDocumentRenderOptions())
    image = QImage(pixels, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def page_scale(page_points: QSizeF, target: QSize) -> float:
    """Pixels per point that fit a page of ``page_points`` into ``target``, keeping its shape."""
    return min(target.width() / page_points.width(), target.height() / page_points.height())


def paint_page(painter: QPainter, document: QPdfDocument | None, page: int,
               image: QImage | None = None) -> None:
    """One PDF page, scaled to the printer's page, on white (QtPdf leaves it transparent).

    The one routine that puts a page on paper (the wizard's printing, the counselor's batch).
    ``image`` is the page already rendered for this painter's page size (by the printing
    worker); without it the page is rendered here, from ``document``.
    """
    target: QRect = painter.viewport()
    if image is None:
        if document is None:
            raise ValueError("paint_page needs the document or the page's image")
        scale = page_scale(document.pagePointSize(page), target.size())
        image = page_image(document, page, scale)
    painter.fillRect(target, QColor("white"))
    painter.drawImage(QRect(0, 0, image.width(), image.height()), image)


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """The pages in the order they go to the printer: the print dialog's range (fromPage and
    toPage count from 1), and the copies when the printer cannot make them itself."""
    first, last = 0, page_count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = printer.fromPage() - 1
        if printer.toPage() > 0:
            last = min(last, printer.toPage() - 1)
    pages = list(range(first, last + 1))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _copy in range(copies)]


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the pages onto the printer at once (the page range, as many copies as asked);
    returns pages painted.  The wizard prints through ``printjob`` instead, off the UI
    thread; this is for small jobs and tests."""
    pages = pages_to_print(printer, document.pageCount())
    painter = QPainter()
    if not pages or not painter.begin(printer):
        return 0
    try:
        for position, page in enumerate(pages):
            if position:
                printer.newPage()
            paint_page(painter, document, page)
    finally:
        painter.end()
    return len(pages)
